using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Http.Api;

namespace FunctionsBatch.Functions.Tests;

internal static class TestRuns
{
    public static JobSpec Spec { get; } = new()
    {
        Name = "classify",
        Prompt = new PromptSpec("system", "{{text}}"),
        PromptVersion = "v1",
        Model = "gpt-4o-mini",
    };

    public static RunInput Input(string runId) => new(runId, Spec, new RunSource(RunSourceKinds.File, "in.jsonl"), RunTriggers.Http);

    public static RunSummary Summary(string runId) => new(
        runId, Spec.Name, Spec.Model, Spec.PromptVersion, new Dictionary<string, string>(), RunOutcome.Succeeded, null,
        new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc), new DateTime(2026, 11, 27, 2, 5, 0, DateTimeKind.Utc),
        10, 0, ModeCounters.Of(RunModes.Online, new RunCounters { Records = 10, Succeeded = 9, Failed = 1, Requests = 10, Usage = new TokenUsage(1000, 0, 200), CostMicros = 1234 }));
}
