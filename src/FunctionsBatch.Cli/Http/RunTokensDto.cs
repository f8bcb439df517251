namespace FunctionsBatch.Cli.Http;

public sealed record RunTokensDto(long Input, long CachedInput, long Output);
