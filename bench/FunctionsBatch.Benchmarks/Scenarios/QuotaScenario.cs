using System.Globalization;
using FunctionsBatch.Benchmarks.Baselines;
using FunctionsBatch.Benchmarks.Data;
using FunctionsBatch.Benchmarks.Infrastructure;
using FunctionsBatch.Benchmarks.Reporting;

namespace FunctionsBatch.Benchmarks.Scenarios;

/// <summary>
/// Scenario 1, quota use: the same records against the same simulator deployment with a TPM/RPM quota and
/// latency, first through the pipeline (its pacer told the same quota), then an unpaced
/// <c>Parallel.ForEachAsync</c> with the SDK's default retries, then a sequential loop (time-capped). The
/// simulator is reset (counters zeroed, buckets full) before each contender.
/// </summary>
public sealed class QuotaScenario(QuotaParameters parameters, Action<string> log)
{
    private static readonly TimeSpan SamplePeriod = TimeSpan.FromMilliseconds(250);

    public async Task<QuotaResult> RunAsync()
    {
        var p = parameters;
        var input = TicketFile.Ensure(p.Records);
        var tpm = p.TokensPerMinute.ToString(CultureInfo.InvariantCulture);
        var rpm = p.RequestsPerMinute.ToString(CultureInfo.InvariantCulture);
        var deployment = BenchSpec.Deployment;
        var hostSettings = new Dictionary<string, string>
        {
            [$"AzureOpenAI__Deployments__{deployment}__TokensPerMinute"] = tpm,
            [$"AzureOpenAI__Deployments__{deployment}__RequestsPerMinute"] = rpm,
            ["AzureOpenAI__BurstSeconds"] = p.BurstSeconds.ToString(CultureInfo.InvariantCulture),
            ["DurableTask__MaxConcurrentActivities"] = Math.Max(100, p.Spec.MaxParallelChunks).ToString(CultureInfo.InvariantCulture),
        };
        var simulatorSettings = new Dictionary<string, string>
        {
            ["Simulator__LatencyMs"] = p.LatencyMs.ToString(CultureInfo.InvariantCulture),
            [$"Simulator__Deployments__{deployment}__TokensPerMinute"] = tpm,
            [$"Simulator__Deployments__{deployment}__RequestsPerMinute"] = rpm,
        };

        await using var stack = await BenchStack.StartAsync("quota", hostSettings, simulatorSettings).ConfigureAwait(false);
        var contenders = new List<QuotaContender>();

        log($"quota: pipeline over {p.Records:N0} records (spec {p.Spec}, burst {p.BurstSeconds} s)");
        contenders.Add(await MeasureAsync(stack, "pipeline", $"FunctionsBatch: {p.Spec.MaxParallelChunks} chunks × {p.Spec.MaxConcurrentRequestsPerChunk} requests in flight at most, paced by token buckets at the quota (burst {p.BurstSeconds} s)", p.Records, async () =>
        {
            var runId = await stack.Host.StartAsync(p.Spec.RunRequest(input)).ConfigureAwait(false);
            var status = await stack.Host.WaitForFinishAsync(runId, TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(1)).ConfigureAwait(false);
            log($"quota: pipeline run {runId} {status.RuntimeStatus}/{status.Outcome}: {status.Succeeded:N0} succeeded, {status.Failed:N0} failed");
            return new BaselineRun(status.TotalRecords, status.Succeeded, status.Failed, 0, false);
        }).ConfigureAwait(false));

        var records = TicketFile.Read(input, p.Records);
        var requests = new BaselineRequests(p.Spec.ToJobSpec(), stack.SimulatorUrl, "sim-key");

        log($"quota: Parallel.ForEachAsync baseline over {p.Records:N0} records, {p.BaselineParallelism} in flight, SDK default retries");
        contenders.Add(await MeasureAsync(stack, "parallel-sdk-retries", $"Parallel.ForEachAsync, {p.BaselineParallelism} requests in flight (the pipeline's cap), no pacing, Azure.AI.OpenAI default retries (3, honouring Retry-After); a record whose retries run out is failed", p.Records,
            () => ParallelBaseline.RunAsync(requests, records, p.BaselineParallelism)).ConfigureAwait(false));

        log($"quota: sequential baseline, capped at {p.SequentialCapSeconds} s");
        contenders.Add(await MeasureAsync(stack, "sequential", $"a foreach loop awaiting one request at a time, stopped after {p.SequentialCapSeconds:0} s; time for all records extrapolated from its rate", p.Records,
            () => SequentialBaseline.RunAsync(requests, records, TimeSpan.FromSeconds(p.SequentialCapSeconds))).ConfigureAwait(false));

        return new QuotaResult(p, contenders);
    }

    private async Task<QuotaContender> MeasureAsync(BenchStack stack, string name, string description, int records, Func<Task<BaselineRun>> run)
    {
        await stack.Simulator.ResetAsync().ConfigureAwait(false);
        var before = stack.Sample();
        var runnerBefore = CpuSeconds.RunnerNow();
        await using var sampler = StatsSampler.Start(stack.Simulator, SamplePeriod);
        var outcome = await run().ConfigureAwait(false);
        var points = await sampler.StopAsync().ConfigureAwait(false);
        var cpu = CpuSeconds.Between(before, stack.Sample(), runnerBefore, CpuSeconds.RunnerNow());

        var maxTokens = parameters.Spec.MaxOutputTokens;
        var stats = points[^1].Stats;
        var window = ActivityWindow.From(points, maxTokens);
        var minutes = window.Seconds / 60;
        var charged = stats.ChargedTokens(maxTokens);
        var actual = stats.PromptTokens + stats.CompletionTokens;
        var quota = (double)parameters.TokensPerMinute;
        var recordsPerSecond = outcome.Succeeded / window.Seconds;
        var contender = new QuotaContender(
            name,
            description,
            records,
            outcome.Attempted,
            outcome.Succeeded,
            outcome.Failed,
            stats.Requests,
            stats.Throttled,
            stats.Requests == 0 ? 0 : stats.Throttled / (double)stats.Requests,
            Math.Round(window.Seconds, 2),
            charged,
            actual,
            Math.Round(charged / minutes),
            Math.Round(actual / minutes),
            charged / minutes / quota,
            actual / minutes / quota,
            double.IsNaN(window.SteadyTokensPerSecond) ? null : window.SteadyTokensPerSecond * 60 / quota,
            Math.Round(recordsPerSecond, 1),
            outcome.Capped,
            outcome.Capped && recordsPerSecond > 0 ? Math.Round(records / recordsPerSecond / 60, 1) : null,
            cpu);
        log(string.Create(CultureInfo.InvariantCulture,
            $"quota: {name}: {contender.Succeeded:N0}/{contender.Attempted:N0} ok in {contender.WindowSeconds:0.0} s, quota use {contender.QuotaUse:P1} (actual tokens {contender.ActualQuotaUse:P1}, steady {contender.SteadyQuotaUse:P1}), 429s {contender.Throttled:N0}/{contender.Requests:N0} = {contender.ThrottledShare:P2}, cpu {cpu}"));
        return contender;
    }
}
