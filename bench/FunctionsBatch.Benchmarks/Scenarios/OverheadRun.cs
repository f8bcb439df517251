using FunctionsBatch.Benchmarks.Reporting;

namespace FunctionsBatch.Benchmarks.Scenarios;

/// <param name="Seconds">End to end: from POST /api/runs to the orchestration's completion time.</param>
/// <param name="OrchestrationSeconds">From the orchestration's start to its summary (staging included, the cost row not).</param>
/// <param name="LedgerLookups">Whether each record was first looked up in the record ledger (spec <c>reprocess</c> false).</param>
public sealed record OverheadRun(
    int Records,
    bool LedgerLookups,
    string RuntimeStatus,
    string? Outcome,
    int Succeeded,
    int Failed,
    long SimulatorRequests,
    double Seconds,
    double OrchestrationSeconds,
    double RecordsPerSecond,
    long HostPeakRssBytes,
    long AzuritePeakRssBytes,
    long SimulatorPeakRssBytes,
    CpuSeconds Cpu)
{
    /// <summary>CPU the stack (host, simulator, Azurite) spent per record: independent of what else the machine ran.</summary>
    public double StackCpuMsPerRecord => (Cpu.Host + Cpu.Simulator + Cpu.Azurite) * 1000 / Records;

    /// <summary>The rate the stack's CPU per record allows on <paramref name="cores"/> cores nothing else uses (a ceiling, not a measurement).</summary>
    public double ProjectedRecordsPerSecond(int cores) => StackCpuMsPerRecord > 0 ? cores * 1000 / StackCpuMsPerRecord : 0;
}
