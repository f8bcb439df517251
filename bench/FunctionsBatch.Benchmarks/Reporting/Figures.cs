using FunctionsBatch.Benchmarks.Scenarios;

namespace FunctionsBatch.Benchmarks.Reporting;

/// <summary>The headline figures, each a ratio or rate measured in this run, checked against its target.</summary>
public static class Figures
{
    public const long OneGiB = 1L << 30;

    public static IReadOnlyList<Figure> From(QuotaResult? quota, OverheadResult? overhead, ResumeResult? resume)
    {
        var figures = new List<Figure>();
        if (quota is not null)
        {
            AddQuota(figures, quota);
        }

        if (overhead is not null)
        {
            AddOverhead(figures, overhead);
        }

        if (resume is not null)
        {
            figures.Add(new Figure("resume", "duplicate model calls ÷ records", resume.DuplicateShare, "ratio", null, null,
                $"{resume.DuplicateCalls:N0} duplicate calls over {resume.Parameters.Records:N0} records (design bound {resume.DuplicateBound:N0}); SIGKILL after {resume.SimulatorRequestsAtKill:N0} model calls"));
            figures.Add(new Figure("resume", "SIGKILL to first model call of the new host", resume.ResumeGapSeconds, "s", null, null,
                "queue visibility timeouts 15 s, leases 15/5/5 s"));
            figures.Add(new Figure("resume", "result rows ÷ records", resume.DistinctResultIds / (double)resume.Parameters.Records, "ratio", "= 1", resume.DistinctResultIds == resume.Parameters.Records && resume.ResultRows == resume.DistinctResultIds,
                $"{resume.ResultRows:N0} rows, {resume.DistinctResultIds:N0} distinct ids; outcome {resume.Outcome}"));
        }

        return figures;
    }

    private static void AddQuota(List<Figure> figures, QuotaResult quota)
    {
        var pipeline = quota.Contenders.FirstOrDefault(c => c.Name == "pipeline");
        var parallel = quota.Contenders.FirstOrDefault(c => c.Name == "parallel-sdk-retries");
        var sequential = quota.Contenders.FirstOrDefault(c => c.Name == "sequential");
        if (pipeline is not null)
        {
            var steady = pipeline.SteadyQuotaUse ?? pipeline.QuotaUse;
            figures.Add(new Figure("quota", "pipeline: charged tokens/min ÷ TPM quota, whole run", pipeline.QuotaUse, "ratio", "≥ 0.95", pipeline.QuotaUse >= 0.95,
                "prompt + max_tokens per admitted request, as the limiter charges, from first request to last answer (includes the pacer's opening burst and the closing tail)"));
            figures.Add(new Figure("quota", "pipeline: charged tokens/min ÷ TPM quota, steady state", steady, "ratio", "≥ 0.95", steady >= 0.95,
                "slope while the 20%–90% part of the tokens was spent: no burst, no tail"));
            figures.Add(new Figure("quota", "pipeline: share of requests answered 429", pipeline.ThrottledShare, "ratio", "≤ 0.01", pipeline.ThrottledShare <= 0.01,
                $"{pipeline.Throttled:N0} of {pipeline.Requests:N0} requests"));
            figures.Add(new Figure("quota", "pipeline: billed tokens/min (prompt + completion) ÷ TPM quota, whole run", pipeline.ActualQuotaUse, "ratio", null, null,
                "the unused part of max_tokens is charged at admission but not billed"));
        }

        if (parallel is not null)
        {
            figures.Add(new Figure("quota", "Parallel.ForEachAsync + SDK retries: share of requests answered 429", parallel.ThrottledShare, "ratio", null, null,
                $"{parallel.Throttled:N0} of {parallel.Requests:N0} requests"));
            figures.Add(new Figure("quota", "Parallel.ForEachAsync + SDK retries: records failed ÷ records", parallel.Failed / (double)Math.Max(1, parallel.Attempted), "ratio", null, null,
                $"{parallel.Failed:N0} of {parallel.Attempted:N0} records gave up after the SDK's 3 retries"));
            figures.Add(new Figure("quota", "Parallel.ForEachAsync + SDK retries: charged tokens/min ÷ quota, whole run", parallel.QuotaUse, "ratio", null, null,
                $"over {parallel.WindowSeconds:N0} s: it spends the simulator's full one-minute starting bucket at once, then fails what the SDK's retries cannot place"));
        }

        if (sequential is not null)
        {
            figures.Add(new Figure("quota", "sequential loop: charged tokens/min ÷ quota", sequential.QuotaUse, "ratio", null, null,
                sequential.ExtrapolatedMinutesForAll is { } minutes ? $"capped at {sequential.WindowSeconds:N0} s; all {sequential.Records:N0} records would take ≈ {minutes:N0} min" : "ran to the end"));
        }

        if (pipeline is not null && sequential is not null && sequential.RecordsPerSecond > 0)
        {
            figures.Add(new Figure("quota", "records/s: pipeline ÷ sequential loop", pipeline.RecordsPerSecond / sequential.RecordsPerSecond, "×", null, null,
                $"{pipeline.RecordsPerSecond:N1} vs {sequential.RecordsPerSecond:N1} records/s"));
        }

        if (pipeline is not null && parallel is not null && parallel.Succeeded > 0)
        {
            figures.Add(new Figure("quota", "records succeeded: pipeline ÷ Parallel.ForEachAsync", pipeline.Succeeded / (double)parallel.Succeeded, "×", null, null,
                $"{pipeline.Succeeded:N0} vs {parallel.Succeeded:N0} of {pipeline.Records:N0}"));
        }
    }

    private static void AddOverhead(List<Figure> figures, OverheadResult overhead)
    {
        foreach (var run in overhead.Runs)
        {
            figures.Add(new Figure("overhead", $"records/s end to end, {run.Records:N0} records, ledger lookups {(run.LedgerLookups ? "on" : "off")}", run.RecordsPerSecond, "records/s", "≥ 2,000", run.RecordsPerSecond >= 2000,
                $"{run.Seconds:N1} s; outcome {run.Outcome}; CPU s host {run.Cpu.Host:N0} / simulator {run.Cpu.Simulator:N0} / Azurite {run.Cpu.Azurite:N0} / other processes {run.Cpu.Other:N0}"));
        }

        if (overhead.LargestToTenthRatio is { } ratio)
        {
            var largest = overhead.Parameters.Sizes.Max();
            figures.Add(new Figure("overhead", $"time ratio {largest:N0} ÷ {largest / 10:N0} records", ratio, "ratio", "≤ 11", ratio <= 11, "10 = perfectly linear"));
        }

        foreach (var run in overhead.Runs)
        {
            figures.Add(new Figure("overhead", $"stack CPU ms per record (host + simulator + Azurite), {run.Records:N0} records, ledger lookups {(run.LedgerLookups ? "on" : "off")}", run.StackCpuMsPerRecord, "ms", null, null,
                $"host {run.Cpu.Host * 1000 / run.Records:0.00} / simulator {run.Cpu.Simulator * 1000 / run.Records:0.00} / Azurite {run.Cpu.Azurite * 1000 / run.Records:0.00} ms; on {overhead.Cores} otherwise idle cores this is at most {run.ProjectedRecordsPerSecond(overhead.Cores):N0} records/s"));
        }

        foreach (var run in overhead.Runs)
        {
            figures.Add(new Figure("overhead", $"host peak RSS (VmHWM), {run.Records:N0} records, ledger lookups {(run.LedgerLookups ? "on" : "off")}", run.HostPeakRssBytes / (double)OneGiB, "GiB", "< 1", run.HostPeakRssBytes < OneGiB,
                $"Azurite peak RSS {run.AzuritePeakRssBytes / (double)OneGiB:N2} GiB"));
        }
    }
}
