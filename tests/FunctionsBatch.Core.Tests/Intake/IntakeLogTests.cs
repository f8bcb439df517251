using System.Text;
using FunctionsBatch.Core.Intake;

namespace FunctionsBatch.Core.Tests.Intake;

public sealed class IntakeLogTests
{
    [Fact]
    public void Admit_PlainAndBase64Json_BothBecomeRecords()
    {
        var log = new IntakeLog();
        var base64 = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"id\":\"T-2\",\"body\":\"b\"}"));

        var plain = log.Admit("m1", "{\"id\":\"T-1\",\"body\":\"a\"}");
        var encoded = log.Admit("m2", base64);

        Assert.Equal(("T-1", true), (plain.RecordId, plain.IsRecord));
        Assert.Equal(("T-2", "{\"id\":\"T-2\",\"body\":\"b\"}"), (encoded.RecordId, encoded.RecordJson));
        Assert.Equal((2, 2, 0), (log.Count, log.Staged, log.Rejected));
    }

    [Theory]
    [InlineData("not json at all", IntakeErrorCodes.InvalidMessage)]
    [InlineData("{\"id\": ", IntakeErrorCodes.InvalidMessage)]
    [InlineData("{\"body\":\"no id\"}", IntakeErrorCodes.InvalidRecord)]
    [InlineData("{\"id\":7}", IntakeErrorCodes.InvalidRecord)]
    public void Admit_Malformed_IsRejectedWithItsCode(string body, string code)
    {
        var log = new IntakeLog();

        var entry = log.Admit("m1", body);

        Assert.False(entry.IsRecord);
        Assert.Equal(code, entry.Code);
        Assert.False(string.IsNullOrWhiteSpace(entry.Problem));
        Assert.Equal((1, 0, 1), (log.Count, log.Staged, log.Rejected));
    }

    [Fact]
    public void Admit_SameRecordIdFromAnotherMessage_IsRejectedAsDuplicate()
    {
        var log = new IntakeLog();
        log.Admit("m1", "{\"id\":\"T-1\"}");

        var second = log.Admit("m2", "{\"id\":\"T-1\"}");

        Assert.Equal(IntakeErrorCodes.DuplicateId, second.Code);
        Assert.Equal("T-1", second.RecordId);
    }

    [Fact]
    public void Entries_WrittenAndReadBack_RebuildTheSameLog()
    {
        var first = new IntakeLog();
        var lines = new[] { first.Admit("m1", "{\"id\":\"T-1\",\"n\":[1,2]}"), first.Admit("m2", "oops"), first.Admit("m3", "{\"id\":\"T-1\"}") }
            .Select(e => Encoding.UTF8.GetString(e.ToLine()))
            .ToArray();

        var rebuilt = new IntakeLog();
        foreach (var line in lines)
        {
            Assert.EndsWith("\n", line, StringComparison.Ordinal);
            rebuilt.Add(IntakeEntry.Parse(line.TrimEnd('\n')));
        }

        Assert.Equal((3, 1, 2), (rebuilt.Count, rebuilt.Staged, rebuilt.Rejected));
        Assert.Equal("{\"id\":\"T-1\",\"n\":[1,2]}", rebuilt.Find("m1")!.RecordJson);
        Assert.Equal(IntakeErrorCodes.DuplicateId, rebuilt.Find("m3")!.Code);
        Assert.Null(rebuilt.Find("m4"));
    }
}
