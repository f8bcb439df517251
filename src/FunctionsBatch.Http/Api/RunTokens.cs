namespace FunctionsBatch.Http.Api;

public sealed record RunTokens(long Input, long CachedInput, long Output);
