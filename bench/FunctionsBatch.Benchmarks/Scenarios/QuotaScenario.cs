using System.Globalization;
using FunctionsBatch.Benchmarks.Baselines;
using FunctionsBatch.Benchmarks.Data;
using FunctionsBatch.Benchmarks.Infrastructure;
using FunctionsBatch.Benchmarks.Reporting;

namespace FunctionsBatch.Benchmarks.Scenarios;

/// <summary>
/// Scenario 1, quota use: the same records against the same simulator deployment with a TPM/RPM quota and latency,
/// once per limiter shape (Azure's short sliding window, and the one-minute bucket). On a stack whose host has no
/// quota configured (what a new user gets): the pipeline, then two hosts running two concurrent runs. On a stack whose
/// host is told the quota: the pipeline, a script that spends the whole admitted burst and pauses on 429s, an unpaced
/// <c>Parallel.ForEachAsync</c> with the SDK's default retries, and a sequential loop (time-capped). The simulator is
/// reset (counters zeroed, limits whole) before each contender.
/// </summary>
public sealed class QuotaScenario(QuotaParameters parameters, Action<string> log)
{
    private static readonly TimeSpan SamplePeriod = TimeSpan.FromMilliseconds(250);

    public async Task<QuotaResult> RunAsync()
    {
        var contenders = new List<QuotaContender>();
        foreach (var shape in parameters.Shapes)
        {
            await RunShapeAsync(shape, contenders).ConfigureAwait(false);
        }

        return new QuotaResult(parameters, contenders);
    }

    private async Task RunShapeAsync(string shape, List<QuotaContender> contenders)
    {
        var p = parameters;
        var input = TicketFile.Ensure(p.Records);
        var half = TicketFile.Ensure(p.Records / 2);
        var tpm = p.TokensPerMinute.ToString(CultureInfo.InvariantCulture);
        var rpm = p.RequestsPerMinute.ToString(CultureInfo.InvariantCulture);
        var deployment = BenchSpec.Deployment;
        var defaultHost = new Dictionary<string, string>
        {
            ["DurableTask__MaxConcurrentActivities"] = Math.Max(100, p.Spec.MaxParallelChunks).ToString(CultureInfo.InvariantCulture),
        };
        var toldHost = new Dictionary<string, string>(defaultHost)
        {
            [$"AzureOpenAI__Deployments__{deployment}__TokensPerMinute"] = tpm,
            [$"AzureOpenAI__Deployments__{deployment}__RequestsPerMinute"] = rpm,
            ["AzureOpenAI__BurstSeconds"] = p.BurstSeconds.ToString(CultureInfo.InvariantCulture),
        };
        var simulatorSettings = new Dictionary<string, string>
        {
            ["Simulator__LatencyMs"] = p.LatencyMs.ToString(CultureInfo.InvariantCulture),
            ["Simulator__RateLimitShape"] = shape,
            [$"Simulator__Deployments__{deployment}__TokensPerMinute"] = tpm,
            [$"Simulator__Deployments__{deployment}__RequestsPerMinute"] = rpm,
        };

        await using (var stack = await BenchStack.StartAsync($"quota-{shape}-default", defaultHost, simulatorSettings).ConfigureAwait(false))
        {
            await MeasureAsync(contenders, stack, shape, "pipeline-no-quota", $"FunctionsBatch with no quota configured (the default): the controller learns the rate from the headers and 429s; ≤ {p.Spec.InFlightCap} requests in flight", p.Records,
                () => RunPipelineAsync([stack.Host], [input])).ConfigureAwait(false);

            var secondPort = FreePort.Next();
            await stack.StartHostAsync(secondPort).ConfigureAwait(false);
            using var second = new HostApi($"http://127.0.0.1:{secondPort}", BenchStack.FunctionKey);
            await MeasureAsync(contenders, stack, shape, "two-hosts-two-runs", $"two local host processes on one task hub, no quota configured, each starting one of two concurrent runs of {p.Records / 2:N0} records (chunks of both runs run on both hosts); they split the deployment through QuotaClaims rows", p.Records / 2 * 2,
                () => RunPipelineAsync([stack.Host, second], [half, half])).ConfigureAwait(false);
        }

        await using (var stack = await BenchStack.StartAsync($"quota-{shape}-told", toldHost, simulatorSettings).ConfigureAwait(false))
        {
            await MeasureAsync(contenders, stack, shape, "pipeline-quota", $"FunctionsBatch told the quota (`…__TokensPerMinute`/`…__RequestsPerMinute`, the ceiling and starting rate); ≤ {p.Spec.InFlightCap} requests in flight", p.Records,
                () => RunPipelineAsync([stack.Host], [input])).ConfigureAwait(false);

            var records = TicketFile.Read(input, p.Records);
            var requests = new BaselineRequests(p.Spec.ToJobSpec(), stack.SimulatorUrl, "sim-key");
            await MeasureAsync(contenders, stack, shape, "burst-pause-on-429", $"Parallel.ForEachAsync, {p.BaselineParallelism} requests in flight, no pacing: spends the whole admitted burst at once, and on a 429 every worker pauses for the service's retry-after-ms, then sends again until it succeeds", p.Records,
                () => BurstBaseline.RunAsync(requests, records, p.BaselineParallelism)).ConfigureAwait(false);
            await MeasureAsync(contenders, stack, shape, "parallel-sdk-retries", $"Parallel.ForEachAsync, {p.BaselineParallelism} requests in flight (the pipeline's cap), no pacing, Azure.AI.OpenAI default retries (3, honouring Retry-After); a record whose retries run out is failed", p.Records,
                () => ParallelBaseline.RunAsync(requests, records, p.BaselineParallelism)).ConfigureAwait(false);
            await MeasureAsync(contenders, stack, shape, "sequential", $"a foreach loop awaiting one request at a time, stopped after {p.SequentialCapSeconds:0} s; time for all records extrapolated from its rate", p.Records,
                () => SequentialBaseline.RunAsync(requests, records, TimeSpan.FromSeconds(p.SequentialCapSeconds))).ConfigureAwait(false);
        }
    }

    /// <summary>Starts one run per host (the same host may appear twice) at once and waits for all of them.</summary>
    private async Task<BaselineRun> RunPipelineAsync(IReadOnlyList<HostApi> hosts, IReadOnlyList<string> inputs)
    {
        var runs = new List<(HostApi Host, string RunId)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            runs.Add((hosts[i % hosts.Count], await hosts[i % hosts.Count].StartAsync(parameters.Spec.RunRequest(inputs[i])).ConfigureAwait(false)));
        }

        var statuses = await Task.WhenAll(runs.Select(r => r.Host.WaitForFinishAsync(r.RunId, TimeSpan.FromMinutes(60), TimeSpan.FromSeconds(1)))).ConfigureAwait(false);
        foreach (var (status, (_, runId)) in statuses.Zip(runs))
        {
            log($"quota: run {runId} {status.RuntimeStatus}/{status.Outcome}: {status.Succeeded:N0} succeeded, {status.Failed:N0} failed");
        }

        return new BaselineRun(statuses.Sum(s => s.TotalRecords), statuses.Sum(s => s.Succeeded), statuses.Sum(s => s.Failed), 0, false);
    }

    private async Task MeasureAsync(List<QuotaContender> contenders, BenchStack stack, string shape, string name, string description, int records, Func<Task<BaselineRun>> run)
    {
        if (parameters.Contenders is { } chosen && !chosen.Contains(name))
        {
            return;
        }
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
            cpu,
            shape);
        log(string.Create(CultureInfo.InvariantCulture,
            $"quota [{shape}]: {name}: {contender.Succeeded:N0}/{contender.Attempted:N0} ok in {contender.WindowSeconds:0.0} s, quota use {contender.QuotaUse:P1} (actual tokens {contender.ActualQuotaUse:P1}, steady {contender.SteadyQuotaUse:P1}), 429s {contender.Throttled:N0}/{contender.Requests:N0} = {contender.ThrottledShare:P2}, cpu {cpu}"));
        var perTenSeconds = window.ChargedPerPeriod(points, maxTokens, 10, quota / 6);
        log($"quota [{shape}]: {name}: charged per 10 s ÷ the quota's 10 s: {string.Join(" ", perTenSeconds.Select(s => s.ToString("P0", CultureInfo.InvariantCulture)))}");
        contenders.Add(contender);
    }
}
