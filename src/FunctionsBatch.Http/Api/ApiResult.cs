namespace FunctionsBatch.Http.Api;

/// <summary>A host-neutral HTTP answer: both the Functions app and the local host write it out as JSON.</summary>
public sealed record ApiResult(int StatusCode, object? Body, string? Location = null)
{
    public static ApiResult Error(int statusCode, string code, string message, IReadOnlyList<ApiErrorDetail>? details = null) =>
        new(statusCode, new ApiError(code, message, details ?? []));
}
