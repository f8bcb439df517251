using System.Net;

namespace FunctionsBatch.Client;

/// <summary>An error answer from the API, with its <c>{code, message, details}</c> body when it had one.</summary>
public sealed class ApiException : Exception
{
    public ApiException(string request, HttpStatusCode statusCode, string? reasonPhrase, ApiErrorDto? error, string? rawBody)
        : base(Describe(request, statusCode, reasonPhrase, error, rawBody))
    {
        Request = request;
        StatusCode = statusCode;
        Error = error;
    }

    public ApiException()
        : this("unknown request")
    {
    }

    public ApiException(string message)
        : base(message)
    {
        Request = string.Empty;
    }

    public ApiException(string message, Exception innerException)
        : base(message, innerException)
    {
        Request = string.Empty;
    }

    public string Request { get; }

    public HttpStatusCode StatusCode { get; }

    public ApiErrorDto? Error { get; }

    public bool IsTransient => (int)StatusCode >= 500 || StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;

    private static string Describe(string request, HttpStatusCode statusCode, string? reasonPhrase, ApiErrorDto? error, string? rawBody)
    {
        var status = $"{(int)statusCode} {reasonPhrase ?? statusCode.ToString()}";
        if (error?.Message is { } message)
        {
            return $"{request} answered {status} ({error.Code ?? "no code"}): {message}";
        }

        var snippet = string.IsNullOrWhiteSpace(rawBody) ? null : rawBody.Trim().ReplaceLineEndings(" ");
        if (snippet is { Length: > 200 })
        {
            snippet = snippet[..200] + "...";
        }

        return snippet is null ? $"{request} answered {status}" : $"{request} answered {status}: {snippet}";
    }
}
