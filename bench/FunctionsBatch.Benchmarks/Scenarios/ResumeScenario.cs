using System.Diagnostics;
using System.Globalization;
using FunctionsBatch.Benchmarks.Data;
using FunctionsBatch.Benchmarks.Infrastructure;

namespace FunctionsBatch.Benchmarks.Scenarios;

/// <summary>
/// Scenario 3, resume waste: SIGKILL the host part-way through a run, start a new one on the same task hub, and
/// count the model calls made twice (simulator requests − records) once the run completes.
/// </summary>
public sealed class ResumeScenario(ResumeParameters parameters, Action<string> log)
{
    public async Task<ResumeResult> RunAsync()
    {
        var p = parameters;
        var input = TicketFile.Ensure(p.Records);
        var simulatorSettings = new Dictionary<string, string> { ["Simulator__LatencyMs"] = p.LatencyMs.ToString(CultureInfo.InvariantCulture) };
        await using var stack = await BenchStack.StartAsync("resume", p.HostSettings, simulatorSettings).ConfigureAwait(false);
        await stack.Simulator.ResetAsync().ConfigureAwait(false);

        var clock = Stopwatch.StartNew();
        var runId = await stack.Host.StartAsync(p.Spec.RunRequest(input)).ConfigureAwait(false);
        // Kill on the simulator's request count, not on the run's progress (which moves a whole chunk at a time), and
        // at a share that is not a multiple of a wave of chunks (0.45 × 20,000 is a quarter into the third wave of 8
        // chunks of 500), so the chunks in flight are caught part-way, as a crash would catch them.
        var target = (int)(p.Records * p.KillAtShare);
        log($"resume: run {runId} over {p.Records:N0} records; SIGKILL after {target:N0} model calls");
        while ((await stack.Simulator.StatsAsync().ConfigureAwait(false)).Requests < target)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        var atKill = await stack.Host.TryStatusAsync(runId).ConfigureAwait(false) ?? throw new InvalidOperationException($"run {runId} has no status");
        stack.HostProcess.Kill();
        var killedAt = clock.Elapsed;
        await Task.Delay(500).ConfigureAwait(false);
        var requestsAtKill = (await stack.Simulator.StatsAsync().ConfigureAwait(false)).Requests;
        log($"resume: killed the host at {atKill.Processed:N0} processed ({requestsAtKill:N0} simulator requests); restarting");

        await stack.StartHostAsync().ConfigureAwait(false);
        var gap = double.NaN;
        while (clock.Elapsed < killedAt + TimeSpan.FromMinutes(10))
        {
            if ((await stack.Simulator.StatsAsync().ConfigureAwait(false)).Requests > requestsAtKill)
            {
                gap = (clock.Elapsed - killedAt).TotalSeconds;
                break;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        log(string.Create(CultureInfo.InvariantCulture, $"resume: model calls resumed {gap:0.0} s after the kill"));
        var final = await stack.Host.WaitForFinishAsync(runId, TimeSpan.FromMinutes(30), TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        var sim = await stack.Simulator.StatsAsync().ConfigureAwait(false);
        var (rows, distinct) = await stack.Host.CountResultsAsync(runId).ConfigureAwait(false);
        var duplicates = sim.Requests - p.Records;
        var bound = (long)p.Spec.MaxParallelChunks * (p.Spec.MaxConcurrentRequestsPerChunk + ResultWriteBatch);
        var result = new ResumeResult(
            p,
            atKill.Processed,
            requestsAtKill,
            final.RuntimeStatus,
            final.Outcome,
            final.Succeeded,
            final.Failed,
            rows,
            distinct,
            sim.Requests,
            duplicates,
            duplicates / (double)p.Records,
            bound,
            Math.Round(gap, 1),
            Math.Round(seconds, 1));
        log(string.Create(CultureInfo.InvariantCulture,
            $"resume: {final.RuntimeStatus}/{final.Outcome}, {final.Succeeded:N0} succeeded, {rows:N0} rows ({distinct:N0} distinct); {sim.Requests:N0} requests = {duplicates:N0} duplicates ({result.DuplicateShare:P2}, bound {bound:N0}) in {seconds:0} s"));
        return result;
    }

    /// <summary>ChunkProcessor writes result rows in batches of this many, or sooner when a batch is a second old (a crash loses at most one unwritten batch per chunk).</summary>
    public const int ResultWriteBatch = 100;
}
