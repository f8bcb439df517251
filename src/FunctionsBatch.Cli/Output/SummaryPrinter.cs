using FunctionsBatch.Cli.Http;
using FunctionsBatch.Client;

namespace FunctionsBatch.Cli.Output;

/// <summary>The table printed on stdout when a run is shown: counters, tokens, money, timing, where the rows are.</summary>
public static class SummaryPrinter
{
    private const int LabelWidth = 18;

    public static void Print(TextWriter output, RunStatusDto status, TimeSpan? clientElapsed = null, SimulatorStats? simulator = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(status);
        var counts = status.Counts;
        var tokens = status.TokenCounts;
        Row(output, "Run", status.Id);
        Row(output, "Runtime status", status.RuntimeStatus);
        Row(output, "Outcome", status.Outcome ?? (status.IsFinished ? "(none)" : $"(not finished: {status.Phase ?? "pending"})"));
        if (!string.IsNullOrEmpty(status.Reason))
        {
            Row(output, "Reason", status.Reason);
        }

        if (status.Output is { Job: not null } run)
        {
            Row(output, "Job", $"{run.Job} (model {run.Model}, prompt {run.PromptVersion})");
        }

        Row(output, "Records", $"{Format.Count(counts.TotalRecords)} total | {Format.Count(counts.Succeeded)} succeeded | {Format.Count(counts.Failed)} failed | {Format.Count(counts.Skipped)} skipped");
        Row(output, "Requests", $"{Format.Count(counts.Requests)} | 429s {Format.Count(counts.Throttled)}");
        if (counts.Truncated > 0)
        {
            Row(output, "Truncated", $"{Format.Count(counts.Truncated)} answers cut off at maxOutputTokens: raise it if the task needs longer answers");
        }

        if (counts.EstimatedUsage > 0)
        {
            Row(output, "Estimated usage", $"{Format.Count(counts.EstimatedUsage)} answers came without usage: their tokens and cost are the tokenizer's count");
        }

        Row(output, "Tokens", $"input {Format.Count(tokens.Input)} | cached input {Format.Count(tokens.CachedInput)} | output {Format.Count(tokens.Output)}");
        if (simulator is not null)
        {
            var requests = simulator.Requests is { } r ? $" | requests {Format.Count(r)}" : string.Empty;
            Row(output, "Simulator tokens", $"prompt {Format.Count(simulator.PromptTokens)} | completion {Format.Count(simulator.CompletionTokens)}{requests}");
            var match = simulator.PromptTokens == tokens.Input && simulator.CompletionTokens == tokens.Output;
            Row(output, string.Empty, $"tokens match simulator: {(match ? "yes" : "no")}");
        }

        Row(output, "Cost", $"{Format.Usd(status.CostUsd, 6)} ({Format.Count(status.CostMicros)} micro-dollars)");
        var serverElapsed = status.ServerElapsed;
        var client = clientElapsed is { } c ? $" | {Format.Clock(c, tenths: true)} (client)" : string.Empty;
        Row(output, "Wall time", $"{Format.Clock(serverElapsed, tenths: true)} (server){client}");
        if (serverElapsed.TotalSeconds >= 0.1)
        {
            Row(output, "Throughput", $"{Format.Rate(counts.Done / serverElapsed.TotalSeconds)} records/s");
        }

        Row(output, "Result rows", $"table RunResults, PartitionKey = {status.Id}");
        Row(output, "Cost row", $"table RunCosts, PartitionKey = {status.Id}, RowKey = run{(status.IsFinished ? string.Empty : " (written when the run finishes)")}");
    }

    private static void Row(TextWriter output, string label, string value) =>
        output.WriteLine($"{label.PadRight(LabelWidth)}{value}");
}
