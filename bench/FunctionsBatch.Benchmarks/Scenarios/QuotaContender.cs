using FunctionsBatch.Benchmarks.Reporting;

namespace FunctionsBatch.Benchmarks.Scenarios;

/// <param name="QuotaUse">Charged tokens per minute (prompt + max_tokens, the way the limiter charges) ÷ TPM quota, over the activity window.</param>
/// <param name="ActualQuotaUse">Billed tokens per minute (prompt + completion) ÷ TPM quota, same window.</param>
/// <param name="SteadyQuotaUse">Charged tokens per minute ÷ quota while the contender spent the 20%–90% part of its tokens (no opening burst, no tail); null when too short to tell.</param>
/// <param name="ExtrapolatedMinutesForAll">For a capped contender: how long all the records would take at its measured rate.</param>
public sealed record QuotaContender(
    string Name,
    string Description,
    int Records,
    int Attempted,
    int Succeeded,
    int Failed,
    long Requests,
    long Throttled,
    double ThrottledShare,
    double WindowSeconds,
    long ChargedTokens,
    long ActualTokens,
    double ChargedTokensPerMinute,
    double ActualTokensPerMinute,
    double QuotaUse,
    double ActualQuotaUse,
    double? SteadyQuotaUse,
    double RecordsPerSecond,
    bool Capped,
    double? ExtrapolatedMinutesForAll,
    CpuSeconds Cpu,
    string Shape = "Bucket");
