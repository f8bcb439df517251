using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tests.Support;

namespace FunctionsBatch.Core.Tests.Specs;

/// <summary>The spec's <c>mode</c>, <c>deadline</c> and <c>batch</c> fields.</summary>
public sealed class BatchSpecParserTests
{
    [Fact]
    public void Parse_NoModeFields_IsOnlineWithBatchDefaults()
    {
        var spec = JobSpecParser.Parse(SpecJson.Valid);

        Assert.Equal(RunModes.Online, spec.Mode);
        Assert.Null(spec.Deadline);
        Assert.Equal(BatchOptions.Default, spec.Batch);
        Assert.Equal((BatchResubmit.Online, 2), (spec.Batch.Resubmit, spec.Batch.MaxResubmits));
    }

    [Fact]
    public void Parse_BatchSection_ReadsEveryField()
    {
        var json = SpecJson.With(SpecJson.With(SpecJson.With("mode", "\"auto\""), "deadline", "\"P1DT12H\""), "batch", """
            {"resubmit": "batch", "maxResubmits": 3, "pollInitialSeconds": 5, "pollMaxSeconds": 300, "quotaWaitSeconds": 90,
             "expectedTurnaround": "PT6H", "onlineReserve": 2}
            """);

        var spec = JobSpecParser.Parse(json);

        Assert.Equal(RunModes.Auto, spec.Mode);
        Assert.Equal(TimeSpan.FromHours(36), spec.Deadline);
        Assert.Equal(
            new BatchOptions(BatchResubmit.Batch, 3, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(90), TimeSpan.FromHours(6), TimeSpan.FromHours(2)),
            spec.Batch);
    }

    [Theory]
    [InlineData("24", 24)]
    [InlineData("0.5", 0.5)]
    [InlineData("\"PT24H\"", 24)]
    [InlineData("\"PT90M\"", 1.5)]
    [InlineData("\"P2D\"", 48)]
    public void Parse_Deadline_AcceptsIsoDurationsAndHours(string raw, double hours)
    {
        var spec = JobSpecParser.Parse(SpecJson.With("deadline", raw));

        Assert.Equal(TimeSpan.FromHours(hours), spec.Deadline);
    }

    [Theory]
    [InlineData("mode", "\"offline\"", "$.mode", "must be one of \"online\", \"batch\", \"auto\", was \"offline\"")]
    [InlineData("mode", "1", "$.mode", "must be a string, not the number 1")]
    [InlineData("mode", "\"auto\"", "$.deadline", "is required when mode is \"auto\"")]
    [InlineData("deadline", "\"tomorrow\"", "$.deadline", "must be an ISO-8601 duration like \"PT24H\" or a number of hours, was the string \"tomorrow\"")]
    [InlineData("deadline", "0", "$.deadline", "must be longer than zero")]
    [InlineData("deadline", "-3", "$.deadline", "must be longer than zero")]
    [InlineData("deadline", "\"PT0S\"", "$.deadline", "must be longer than zero")]
    [InlineData("deadline", "9000", "$.deadline", "must be at most 8760 hours, was 9000")]
    [InlineData("deadline", "true", "$.deadline", "must be an ISO-8601 duration like \"PT24H\" or a number of hours, not the boolean true")]
    [InlineData("batch", "\"online\"", "$.batch", "must be an object like {\"resubmit\": \"online\"}, not the string \"online\"")]
    [InlineData("batch", "{\"resubmit\": \"never\"}", "$.batch.resubmit", "must be \"online\" or \"batch\", was \"never\"")]
    [InlineData("batch", "{\"resubmit\": 1}", "$.batch.resubmit", "must be a string, not the number 1")]
    [InlineData("batch", "{\"maxResubmits\": 11}", "$.batch.maxResubmits", "must be between 0 and 10, was 11")]
    [InlineData("batch", "{\"pollInitialSeconds\": 0}", "$.batch.pollInitialSeconds", "must be between 1 and 86400, was 0")]
    [InlineData("batch", "{\"pollInitialSeconds\": 60, \"pollMaxSeconds\": 30}", "$.batch.pollMaxSeconds", "must not be less than pollInitialSeconds (60), was 30")]
    [InlineData("batch", "{\"quotaWaitSeconds\": \"1m\"}", "$.batch.quotaWaitSeconds", "must be a whole number between 1 and 86400")]
    [InlineData("batch", "{\"expectedTurnaround\": \"soon\"}", "$.batch.expectedTurnaround", "must be an ISO-8601 duration")]
    [InlineData("batch", "{\"onlineReserve\": -1}", "$.batch.onlineReserve", "must not be negative")]
    [InlineData("batch", "{\"pollEverySeconds\": 5}", "$.batch.pollEverySeconds", "is not a known batch property")]
    public void Parse_ModeFieldWithOneProblem_ReportsItAtItsJsonPath(string property, string rawJson, string path, string message)
    {
        var ex = Assert.Throws<JobSpecException>(() => JobSpecParser.Parse(SpecJson.With(property, rawJson)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BatchModeWithoutDeadline_IsValid()
    {
        var spec = JobSpecParser.Parse(SpecJson.With("mode", "\"batch\""));

        Assert.Equal((RunModes.Batch, (TimeSpan?)null), (spec.Mode, spec.Deadline));
    }
}
