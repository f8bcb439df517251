using System.Text.Json;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Core.Tests.Runs;

/// <summary>Summaries and progress stored before the counters value existed still read with their figures.</summary>
public sealed class LegacyCountersTests
{
    private const string Identity = """
        "runId":"r1","job":"classify","model":"gpt-4o-mini","promptVersion":"v1","tags":{},"outcome":0,"reason":null,
        "startedUtc":"2026-12-01T02:00:00Z","completedUtc":"2026-12-01T02:05:00Z","totalRecords":12,
        """;

    [Fact]
    public void Deserialize_SummaryWithOnlineAndBatchParts_KeepsEachPart()
    {
        var json = "{" + Identity + """
            "succeeded":9,"failed":1,"skipped":2,"requests":11,"throttled":3,"usage":{"promptTokens":1000,"cachedTokens":0,"completionTokens":90},"costMicros":500,
            "online":{"records":4,"succeeded":4,"failed":0,"ledgerHits":1,"requests":5,"retries":1,"repairs":0,"usage":{"promptTokens":400,"cachedTokens":0,"completionTokens":40},"waste":{"reasked":7},"costMicros":300,"listCostMicros":300},
            "batch":{"records":6,"succeeded":5,"failed":1,"requests":6,"usage":{"promptTokens":600,"cachedTokens":0,"completionTokens":50},"failedLines":1,"costMicros":200,"listCostMicros":400}}
            """;

        var summary = JsonSerializer.Deserialize<RunSummary>(json, JsonSerializerOptions.Web)!;

        Assert.Equal((4, 1, 5, 1, 7L), (summary.Counters.Online.Succeeded, summary.Counters.Online.LedgerHits, summary.Counters.Online.Requests, summary.Counters.Online.Retries, summary.Counters.Online.Waste.Reasked));
        Assert.Equal((6, 5, 1, 1, 200L, 400L), (summary.Counters.Batch.Records, summary.Counters.Batch.Succeeded, summary.Counters.Batch.Failed, summary.Counters.Batch.FailedLines, summary.Counters.Batch.CostMicros, summary.Counters.Batch.ListCostMicros));
        Assert.Equal((9, 1, 500L, 2), (summary.All.Succeeded, summary.All.Failed, summary.All.CostMicros, summary.Skipped));
    }

    [Fact]
    public void Deserialize_SummaryFromBeforeBatchMode_IsAllOnline()
    {
        var json = "{" + Identity + """
            "succeeded":9,"failed":1,"skipped":2,"requests":11,"throttled":3,"usage":{"promptTokens":1000,"cachedTokens":100,"completionTokens":90},"costMicros":500,"repairs":1,"ledgerHits":2}
            """;

        var summary = JsonSerializer.Deserialize<RunSummary>(json, JsonSerializerOptions.Web)!;

        Assert.Equal(
            new RunCounters { Records = 10, Succeeded = 9, Failed = 1, Requests = 11, Throttled = 3, Repairs = 1, LedgerHits = 2, Usage = new TokenUsage(1000, 100, 90), CostMicros = 500 },
            summary.Counters.Online);
        Assert.True(summary.Counters.Batch.IsEmpty);
    }

    [Fact]
    public void Deserialize_ProgressWithFlatCounts_ReadsThem()
    {
        const string json = """
            {"phase":"processing","totalRecords":30,"chunksTotal":3,"chunksCompleted":1,"succeeded":9,"failed":1,"requests":12,"throttled":2,"usage":{"promptTokens":900,"cachedTokens":0,"completionTokens":80},"costMicros":44,"activeGroupId":null}
            """;

        var progress = JsonSerializer.Deserialize<RunProgress>(json, JsonSerializerOptions.Web)!;

        Assert.Equal((9, 1, 12, 2, 44L, 900L), (progress.Counters.Succeeded, progress.Counters.Failed, progress.Counters.Requests, progress.Counters.Throttled, progress.Counters.CostMicros, progress.Counters.Usage.PromptTokens));
    }

    [Fact]
    public void Serialize_NewSummary_RoundTripsWithoutLegacyFields()
    {
        var summary = new RunSummary(
            "r1", "classify", "gpt-4o-mini", "v1", new Dictionary<string, string>(), RunOutcome.Succeeded, null, DateTime.UnixEpoch, DateTime.UnixEpoch, 3, 0,
            new ModeCounters(new RunCounters { Records = 3, Succeeded = 3, Truncated = 1 }, RunCounters.None));

        var json = JsonSerializer.Serialize(summary, JsonSerializerOptions.Web);
        var back = JsonSerializer.Deserialize<RunSummary>(json, JsonSerializerOptions.Web)!;

        Assert.Equal(summary.Counters, back.Counters);
        Assert.Null(back.Legacy);
        Assert.DoesNotContain("\"legacy\"", json, StringComparison.Ordinal);
    }
}
