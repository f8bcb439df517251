using FunctionsBatch.Benchmarks.Infrastructure;

namespace FunctionsBatch.Benchmarks.Reporting;

/// <summary>
/// CPU seconds each process spent between two samples (the benchmark runner included), and what the rest of the
/// machine used meanwhile (<see cref="Other"/>: processes outside the benchmark competing for the same cores).
/// </summary>
public sealed record CpuSeconds(double Host, double Simulator, double Azurite, double Runner, double Other)
{
    public static CpuSeconds Between(StackSample before, StackSample after, TimeSpan runnerBefore, TimeSpan runnerAfter)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var host = after.Host.CpuSeconds - before.Host.CpuSeconds;
        var simulator = after.Simulator.CpuSeconds - before.Simulator.CpuSeconds;
        var azurite = after.Azurite.CpuSeconds - before.Azurite.CpuSeconds;
        var runner = (runnerAfter - runnerBefore).TotalSeconds;
        var machine = after.MachineBusySeconds - before.MachineBusySeconds;
        return new CpuSeconds(
            Math.Round(host, 1),
            Math.Round(simulator, 1),
            Math.Round(azurite, 1),
            Math.Round(runner, 1),
            Math.Round(Math.Max(0, machine - host - simulator - azurite - runner), 1));
    }

    public static TimeSpan RunnerNow()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
