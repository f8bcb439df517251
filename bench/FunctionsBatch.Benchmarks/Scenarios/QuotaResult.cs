namespace FunctionsBatch.Benchmarks.Scenarios;

public sealed record QuotaResult(QuotaParameters Parameters, IReadOnlyList<QuotaContender> Contenders);
