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
    CpuSeconds Cpu);
