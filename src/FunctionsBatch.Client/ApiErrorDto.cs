namespace FunctionsBatch.Client;

/// <summary>An RFC 9457 problem document as the runs API answers errors: <c>detail</c> says what went wrong.</summary>
public sealed record ApiErrorDto(string? Code, string? Title, string? Detail, IReadOnlyList<ApiErrorDetailDto>? Details)
{
    public string? Message => Detail ?? Title;
}
