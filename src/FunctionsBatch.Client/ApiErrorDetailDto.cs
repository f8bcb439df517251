namespace FunctionsBatch.Client;

public sealed record ApiErrorDetailDto(string? Path, string? Message);
