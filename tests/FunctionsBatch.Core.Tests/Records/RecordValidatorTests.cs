using FunctionsBatch.Core.Records;
using FunctionsBatch.Core.Tests.Support;

namespace FunctionsBatch.Core.Tests.Records;

public sealed class RecordValidatorTests
{
    private const int MaxRecords = 3;

    [Theory]
    [InlineData("""{"id":"t-1"}""", "$.records", "must be an array of record objects, not an object")]
    [InlineData("""[]""", "$.records", "must hold at least one record")]
    [InlineData("""[{"id":"a"},{"id":"b"},{"id":"c"},{"id":"d"}]""", "$.records", "holds 4 records; one request may carry at most 3")]
    [InlineData("""[{"id":"a"},"b"]""", "$.records[1]", "a record must be a JSON object, not the string \"b\"")]
    [InlineData("""[{"id":"a"},{"text":"no id"}]""", "$.records[1].id", "is required")]
    [InlineData("""[{"id":42}]""", "$.records[0].id", "must be a string, not the number 42")]
    [InlineData("""[{"id":""}]""", "$.records[0].id", "must not be empty")]
    [InlineData("""[{"id":"   "}]""", "$.records[0].id", "must not be empty")]
    [InlineData("""[{"id":"tickets/1"}]""", "$.records[0].id", "must not contain '/'")]
    [InlineData("""[{"id":"a#1"}]""", "$.records[0].id", "must not contain '/', '\\', '#', '?' or control characters")]
    [InlineData("""[{"id":"a"},{"id":"b"},{"id":"a"}]""", "$.records[2].id", "duplicates the id \"a\" of record 0")]
    [InlineData("""[{"id":"a\udc00"}]""", "$.records[0].id", "is not valid Unicode text")]
    public void Validate_BadRecords_ReportsTheProblemAtItsPath(string records, string path, string message)
    {
        var errors = RecordValidator.Validate(SpecJson.Element(records), "$.records", MaxRecords);

        var error = Assert.Single(errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LineThatIsASecretNotARecord_EchoesOnlyAShortEscapedPrefix()
    {
        var errors = RecordValidator.Validate(SpecJson.Element("""["sk-live-0123456789abcdefghijklmnopqrstuvwxyz"]"""), "$.records", MaxRecords);

        var message = Assert.Single(errors).Message;
        Assert.Contains("\"sk-live-01234567…\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain("abcdef", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GoodRecords_ReportsNothing()
    {
        var records = SpecJson.Element("""[{"id":"t-1","body":"x"},{"id":"T-1"},{"id":"émoji-✓"}]""");

        Assert.Empty(RecordValidator.Validate(records, "$.records", MaxRecords));
    }

    [Fact]
    public void Validate_EveryRecordBad_ReportsEachUpToTheLimit()
    {
        var records = SpecJson.Element("[" + string.Join(',', Enumerable.Repeat("{}", 60)) + "]");

        var errors = RecordValidator.Validate(records, "$.records", 100);

        Assert.Equal(51, errors.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"$.records[{i}].id"), errors.Take(50).Select(e => e.Path));
        Assert.Equal("$.records", errors[^1].Path);
        Assert.Contains("more problems not listed", errors[^1].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(255, true)]
    [InlineData(256, false)]
    public void CheckId_LongId_IsAllowedUpToTheRowKeyLimit(int length, bool allowed)
    {
        var record = SpecJson.Element($$"""{"id":"{{new string('x', length)}}"}""");

        var problem = RecordValidator.CheckId(record);

        Assert.Equal(allowed, problem is null);
    }
}
