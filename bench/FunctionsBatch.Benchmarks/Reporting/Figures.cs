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
        foreach (var shape in quota.Contenders.Select(c => c.Shape).Distinct())
        {
            QuotaContender? Named(string name) => quota.Contenders.FirstOrDefault(c => c.Shape == shape && c.Name == name);
            var scope = $"quota/{shape}";
            if (Named("pipeline-no-quota") is { } learned)
            {
                AddPipeline(figures, scope, learned, "no quota configured", steadyTarget: 0.90, throttledTarget: 0.05);
            }

            if (Named("pipeline-quota") is { } told)
            {
                AddPipeline(figures, scope, told, "quota configured", steadyTarget: 0.98, throttledTarget: 0.01);
                if (Named("burst-pause-on-429") is { } burst)
                {
                    figures.Add(new Figure(scope, "quota configured: run time ÷ burst-and-pause script's", told.WindowSeconds / burst.WindowSeconds, "ratio", "≤ 1", told.WindowSeconds <= burst.WindowSeconds,
                        $"{told.WindowSeconds:N1} s vs {burst.WindowSeconds:N1} s for {told.Records:N0} records; the script met {burst.Throttled:N0} 429s ({burst.ThrottledShare:P1})"));
                }
            }

            if (Named("two-hosts-two-runs") is { } shared)
            {
                AddPipeline(figures, scope, shared, "two hosts, two runs", steadyTarget: 0.95, throttledTarget: 0.01);
            }

            if (Named("parallel-sdk-retries") is { } parallel)
            {
                figures.Add(new Figure(scope, "Parallel.ForEachAsync + SDK retries: records failed ÷ records", parallel.Failed / (double)Math.Max(1, parallel.Attempted), "ratio", null, null,
                    $"{parallel.Failed:N0} of {parallel.Attempted:N0} records gave up after the SDK's 3 retries; {parallel.Throttled:N0} of {parallel.Requests:N0} requests answered 429"));
            }

            if (Named("sequential") is { } sequential)
            {
                figures.Add(new Figure(scope, "sequential loop: charged tokens/min ÷ quota", sequential.QuotaUse, "ratio", null, null,
                    sequential.ExtrapolatedMinutesForAll is { } minutes ? $"capped at {sequential.WindowSeconds:N0} s; all {sequential.Records:N0} records would take ≈ {minutes:N0} min" : "ran to the end"));
            }
        }
    }

    private static void AddPipeline(List<Figure> figures, string scope, QuotaContender c, string label, double steadyTarget, double throttledTarget)
    {
        var steady = c.SteadyQuotaUse ?? c.QuotaUse;
        figures.Add(new Figure(scope, $"{label}: records failed or skipped", c.Attempted - c.Succeeded, "records", "0", c.Attempted == c.Succeeded,
            $"{c.Succeeded:N0} of {c.Attempted:N0} succeeded"));
        figures.Add(new Figure(scope, $"{label}: charged tokens/min ÷ TPM quota, steady state", steady, "ratio", $"≥ {steadyTarget:0.00}", steady >= steadyTarget,
            $"slope while the 20%–90% part of the tokens was spent; whole run {c.QuotaUse:P1} over {c.WindowSeconds:N1} s"));
        figures.Add(new Figure(scope, $"{label}: share of requests answered 429", c.ThrottledShare, "ratio", $"≤ {throttledTarget:0.00}", c.ThrottledShare <= throttledTarget,
            $"{c.Throttled:N0} of {c.Requests:N0} requests"));
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
