using System.Text.Json;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tests.Support;

namespace FunctionsBatch.Core.Tests.Runs;

public sealed class StartRunRequestParserTests
{
    private const string Records = """[{"id":"t-1","subject":"a","body":"b"},{"id":"t-2","subject":"c","body":"d"}]""";
    private static readonly JobSpec Shipped = JobSpecParser.Parse(SpecJson.Valid);

    [Fact]
    public void Parse_ShippedJobName_UsesThatSpecAndKeepsRecordsUsableAfterTheBodyIsDisposed()
    {
        StartRunRequest request;
        using (var body = JsonDocument.Parse($$"""{"job":"classify-tickets","records":{{Records}}}"""))
        {
            request = StartRunRequestParser.Parse(body.RootElement, FindJob, maxRecords: 10);
        }

        Assert.Same(Shipped, request.Spec);
        Assert.Equal(["t-1", "t-2"], request.Records.Select(r => r.GetProperty("id").GetString()));
    }

    [Fact]
    public void Parse_InlineSpec_ParsesIt()
    {
        var body = SpecJson.Element($$"""{"spec":{{SpecJson.With("chunkSize", "7")}},"records":{{Records}}}""");

        var request = StartRunRequestParser.Parse(body, FindJob, maxRecords: 10);

        Assert.Equal(("classify-tickets", 7), (request.Spec.Name, request.Spec.ChunkSize));
        Assert.Equal(2, request.Records.Count);
    }

    [Theory]
    [InlineData($$"""{"job":"classify-tickets","spec":{},"records":{{Records}}}""", "$", "give either 'job' (a shipped job name) or 'spec' (an inline spec), not both")]
    [InlineData($$"""{"records":{{Records}}}""", "$.job", "is required unless an inline 'spec' is given")]
    [InlineData($$"""{"job":"translate-everything","records":{{Records}}}""", "$.job", "no job named \"translate-everything\" is deployed")]
    [InlineData($$"""{"job":7,"records":{{Records}}}""", "$.job", "must be a job name string, not the number 7")]
    [InlineData($$"""{"job":"classify-tickets","records":{{Records}},"priority":"high"}""", "$.priority", "is not a known property")]
    [InlineData("""{"job":"classify-tickets"}""", "$.records", "is required")]
    [InlineData("""{"job":"classify-tickets","records":[{"id":"t-1"},{"id":"t-1"}]}""", "$.records[1].id", "duplicates the id \"t-1\" of record 0")]
    [InlineData("""[]""", "$", "the body must be a JSON object, not an array")]
    public void Parse_BadBody_ReportsTheProblemAtItsPath(string body, string path, string message)
    {
        var ex = Assert.Throws<JobSpecException>(() => StartRunRequestParser.Parse(SpecJson.Element(body), FindJob, maxRecords: 10));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InlineSpecErrors_ReportsThemUnderSpecPathsTogetherWithRecordErrors()
    {
        var spec = SpecJson.With(SpecJson.With("chunkSize", "0"), "tags.feature", null);
        var body = SpecJson.Element($$"""{"spec":{{spec}},"records":[{"id":"ok"},{"id":"a/b"}]}""");

        var ex = Assert.Throws<JobSpecException>(() => StartRunRequestParser.Parse(body, FindJob, maxRecords: 10));

        Assert.Equal(["$.records[1].id", "$.spec.chunkSize", "$.spec.tags.feature"], ex.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_TooManyRecords_ReportsTheLimit()
    {
        var body = SpecJson.Element($$"""{"job":"classify-tickets","records":{{Records}}}""");

        var ex = Assert.Throws<JobSpecException>(() => StartRunRequestParser.Parse(body, FindJob, maxRecords: 1));

        Assert.Contains("at most 1", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    private static JobSpec? FindJob(string name) => name == Shipped.Name ? Shipped : null;
}
