namespace FunctionsBatch.Cli.Http;

public sealed record ApiErrorDetailDto(string? Path, string? Message);
