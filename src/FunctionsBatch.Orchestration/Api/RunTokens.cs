namespace FunctionsBatch.Orchestration.Api;

public sealed record RunTokens(long Input, long CachedInput, long Output);
