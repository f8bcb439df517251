namespace FunctionsBatch.Cli.Http;

public sealed record ApiErrorDto(string? Code, string? Message, IReadOnlyList<ApiErrorDetailDto>? Details);
