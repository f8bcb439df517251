using System.Globalization;
using FunctionsBatch.Benchmarks.Data;
using FunctionsBatch.Benchmarks.Infrastructure;
using FunctionsBatch.Benchmarks.Reporting;

namespace FunctionsBatch.Benchmarks.Scenarios;

/// <summary>
/// Scenario 2, pipeline overhead: a zero-latency simulator with no quota, so the model costs nothing and what is
/// left is the pipeline (staging, Durable Task dispatch, prompt rendering, HTTP, schema checks, result rows) and
/// the storage emulator under it. A fresh stack per size; file input under the content root.
/// </summary>
public sealed class OverheadScenario(OverheadParameters parameters, Action<string> log)
{
    public async Task<OverheadResult> RunAsync()
    {
        var runs = new List<OverheadRun>();
        foreach (var size in parameters.Sizes)
        {
            runs.Add(await RunOneAsync(size, parameters.Spec).ConfigureAwait(false));
        }

        foreach (var size in parameters.DefaultSpecSizes)
        {
            runs.Add(await RunOneAsync(size, parameters.Spec with { Reprocess = false }).ConfigureAwait(false));
        }

        var series = runs.Where(r => r.LedgerLookups == !parameters.Spec.Reprocess).ToList();
        var largest = series.MaxBy(r => r.Records);
        var tenth = largest is null ? null : series.FirstOrDefault(r => r.Records * 10 == largest.Records);
        var ratio = largest is not null && tenth is not null ? largest.Seconds / tenth.Seconds : (double?)null;
        return new OverheadResult(parameters, runs, ratio, Environment.ProcessorCount);
    }

    private async Task<OverheadRun> RunOneAsync(int size, BenchSpec spec)
    {
        log($"overhead: generating/reusing {size:N0} records");
        var input = TicketFile.Ensure(size);
        var simulatorSettings = new Dictionary<string, string> { ["Simulator__LatencyMs"] = "0" };
        await using var stack = await BenchStack.StartAsync($"overhead-{size}", parameters.HostSettings, simulatorSettings).ConfigureAwait(false);
        var before = stack.Sample();
        var runnerBefore = CpuSeconds.RunnerNow();
        var posted = DateTime.UtcNow;
        var runId = await stack.Host.StartAsync(spec.RunRequest(input)).ConfigureAwait(false);
        log($"overhead: run {runId} over {size:N0} records (spec {spec})");
        var lastReport = DateTime.UtcNow;
        var status = await stack.Host.WaitForFinishAsync(runId, TimeSpan.FromMinutes(90), TimeSpan.FromSeconds(1), s =>
        {
            if (DateTime.UtcNow - lastReport > TimeSpan.FromSeconds(30))
            {
                lastReport = DateTime.UtcNow;
                var rss = ProcessSample.Of(stack.HostProcess).RssBytes;
                log(string.Create(CultureInfo.InvariantCulture, $"overhead:   {s.Processed:N0}/{s.TotalRecords:N0} processed after {(DateTime.UtcNow - posted).TotalSeconds:0} s, host RSS {rss / 1048576.0:0} MiB"));
            }
        }).ConfigureAwait(false);
        var after = stack.Sample();
        var cpu = CpuSeconds.Between(before, after, runnerBefore, CpuSeconds.RunnerNow());
        var sim = await stack.Simulator.StatsAsync().ConfigureAwait(false);
        var seconds = (status.LastUpdatedUtc - posted).TotalSeconds;
        var orchestration = status is { StartedUtc: { } started, CompletedUtc: { } completed } ? (completed - started).TotalSeconds : double.NaN;
        var run = new OverheadRun(
            size,
            !spec.Reprocess,
            status.RuntimeStatus,
            status.Outcome,
            status.Succeeded,
            status.Failed,
            sim.Requests,
            Math.Round(seconds, 2),
            Math.Round(orchestration, 2),
            Math.Round(status.Succeeded / seconds, 1),
            after.Host.PeakRssBytes,
            after.Azurite.PeakRssBytes,
            after.Simulator.PeakRssBytes,
            cpu);
        log(string.Create(CultureInfo.InvariantCulture,
            $"overhead: {size:N0} records (ledger lookups {(spec.Reprocess ? "off" : "on")}) {status.RuntimeStatus}/{status.Outcome} in {run.Seconds:0.0} s = {run.RecordsPerSecond:N0} records/s; host peak RSS {run.HostPeakRssBytes / 1048576.0:0} MiB, Azurite {run.AzuritePeakRssBytes / 1048576.0:0} MiB; cpu {cpu}"));
        return run;
    }
}
