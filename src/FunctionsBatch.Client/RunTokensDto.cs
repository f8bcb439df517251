namespace FunctionsBatch.Client;

public sealed record RunTokensDto(long Input, long CachedInput, long Output);
