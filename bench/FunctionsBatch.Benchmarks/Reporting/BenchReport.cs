using FunctionsBatch.Benchmarks.Scenarios;

namespace FunctionsBatch.Benchmarks.Reporting;

/// <summary>Everything one benchmark run measured: written as results.json and rendered as results.md.</summary>
public sealed record BenchReport(
    string Command,
    string Mode,
    DateTime StartedUtc,
    double TotalMinutes,
    MachineInfo Machine,
    IReadOnlyList<Figure> Figures,
    QuotaResult? Quota,
    OverheadResult? Overhead,
    ResumeResult? Resume,
    IReadOnlyList<string> Errors);
