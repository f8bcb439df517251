using System.Text.Json;
using FunctionsBatch.Azure.Storage;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Azure.Tests.Storage;

/// <summary>The cost row is written after the model was paid: nothing in a run's spec may make Table Storage refuse it.</summary>
public sealed class RunCostEntityTests
{
    [Fact]
    public void RowsOf_ModelNameWithASlash_GivesRowKeysTableStorageAccepts()
    {
        var rows = RunCostEntity.RowsOf(Summary("meta-llama/Llama-3.1-8B#q4?", new Dictionary<string, string> { ["tenant"] = "a", ["feature"] = "b" }));

        var part = Assert.Single(rows, r => r.RowKey != RunCostEntity.RunRowKey);
        Assert.Equal("meta-llama_Llama-3.1-8B_q4_|online", part.RowKey);
        Assert.Equal("meta-llama/Llama-3.1-8B#q4?", part.Model);
    }

    [Fact]
    public void From_TagsTooLongForOneColumn_KeepsTenantAndFeatureAsJsonThatFits()
    {
        var tags = Enumerable.Range(0, 300).ToDictionary(i => $"tag-{i}", _ => new string('"', 200));
        tags["tenant"] = "contoso";
        tags["feature"] = "triage";

        var row = RunCostEntity.From(Summary("gpt-4o-mini", tags));

        Assert.InRange(row.Tags.Length, 1, RecordResultEntity.MaxTextLength);
        var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(row.Tags)!;
        Assert.Equal(("contoso", "triage", "true"), (stored["tenant"], stored["feature"], stored["truncated"]));
        Assert.Equal("contoso", row.Tenant);
    }

    [Fact]
    public void From_TagsWithNonAsciiText_StoresThemReadable()
    {
        var row = RunCostEntity.From(Summary("gpt-4o-mini", new Dictionary<string, string> { ["tenant"] = "Zürich", ["feature"] = "日本" }));

        Assert.Contains("Zürich", row.Tags, StringComparison.Ordinal);
        Assert.Contains("日本", row.Tags, StringComparison.Ordinal);
    }

    [Fact]
    public void RowsOf_MixedRun_StoresEveryCounterOfEachModeAndReadsThemBack()
    {
        var online = new RunCounters
        {
            Records = 20, Succeeded = 18, Failed = 2, LedgerHits = 1, Requests = 25, Retries = 2, Throttled = 4, Repairs = 1, Truncated = 3,
            Usage = new TokenUsage(12_000, 1_000, 400), Waste = new TokenWaste(Reasked: 90, LostInTransit: 300), CostMicros = 2_040, ListCostMicros = 2_100,
        };
        var batch = new RunCounters
        {
            Records = 480, Succeeded = 480, Requests = 500, Truncated = 7, Usage = new TokenUsage(300_000, 0, 9_000),
            Waste = new TokenWaste(InvalidBatchLines: 120), FailedLines = 12, ExpiredLines = 8, ResubmittedLines = 20, CostMicros = 25_200, ListCostMicros = 50_400,
        };
        var run = Summary("gpt-4o-mini", new Dictionary<string, string> { ["tenant"] = "a", ["feature"] = "b" }) with
        {
            TotalRecords = 503, Skipped = 3, Counters = new ModeCounters(online, batch),
        };

        var rows = RunCostEntity.RowsOf(run).ToDictionary(r => r.RowKey);

        Assert.Equal(online, rows["gpt-4o-mini|online"].Counters);
        Assert.Equal(batch, rows["gpt-4o-mini|batch"].Counters);
        var total = rows[RunCostEntity.RunRowKey];
        Assert.Equal(online + batch, total.Counters);
        Assert.Equal((503, 3, RunModes.Mixed, 10), (total.TotalRecords, total.Skipped, total.Mode, total.Truncated));
        Assert.Equal("lost in transit (estimated) 300; invalid batch lines 120; re-asked 90", total.WasteCauses);
    }

    private static RunSummary Summary(string model, IReadOnlyDictionary<string, string> tags) => new(
        "run-1", "job", model, "v1", tags, RunOutcome.Succeeded, null, DateTime.UtcNow, DateTime.UtcNow,
        1, 0, ModeCounters.Of(RunModes.Online, new RunCounters { Records = 1, Succeeded = 1, Requests = 1, Usage = new TokenUsage(10, 0, 5), CostMicros = 100 }));
}
