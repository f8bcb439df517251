using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Http.Api;
using FunctionsBatch.Http.Reports;

namespace FunctionsBatch.Orchestration.Tests.Support;

/// <summary>Report inputs for the pure report tests: a finished run's status and rows at chosen times.</summary>
internal static class ReportData
{
    public static readonly DateTime Started = new(2026, 11, 27, 10, 0, 0, DateTimeKind.Utc);

    public static RunStatusView Finished(
        TimeSpan duration, int succeeded, int failed, int throttled = 0, long costMicros = 12_345, string job = "classify-tickets", string runId = "run-1",
        IReadOnlyDictionary<string, string>? tags = null)
    {
        var summary = new RunSummary(
            runId, job, "gpt-4o-mini", "v1", tags ?? new Dictionary<string, string> { ["tenant"] = "contoso", ["feature"] = "triage" },
            failed > 0 ? RunOutcome.CompletedWithFailures : RunOutcome.Succeeded, null, Started, Started + duration,
            succeeded + failed, 0, ModeCounters.Of(RunModes.Online, new RunCounters
            {
                Records = succeeded + failed, Succeeded = succeeded, Failed = failed, Requests = succeeded + failed + throttled, Throttled = throttled,
                Usage = new TokenUsage(1_000, 0, 100), CostMicros = costMicros,
            }));
        return RunStatusView.From(new RunState(runId, RuntimeStatusNames.Completed, Started, Started + duration, null, summary, null), "http://host");
    }

    public static ReportRow Row(double secondsAfterStart, string status = RecordStatus.Succeeded, long prompt = 100, long completion = 20, int attempts = 1, int throttled = 0, string? errorCode = null, string? message = null) =>
        new(status, new DateTimeOffset(Started).AddSeconds(secondsAfterStart), new TokenUsage(prompt, 0, completion), attempts, throttled, errorCode, message);

    public static RecordResult Result(string id, string status = RecordStatus.Succeeded, string? output = "{\"category\":\"bug\"}", string? errorCode = null, string? message = null) =>
        new("run-1", id, 0, status, output, new TokenUsage(100, 0, 20), 50, 1, 200, errorCode, message);

    public static ReportCostLine Cost(string rowKey = ReportCostLine.RunRowKey, long costMicros = 12_345, string mode = "online") =>
        new(rowKey, "gpt-4o-mini", mode, "contoso", 10, 12, 1_000, 0, 100, costMicros);
}
