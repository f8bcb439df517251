using Microsoft.AspNetCore.Http;

namespace FunctionsBatch.Functions.Http;

/// <summary>The scheme and host the caller used, for the links in API answers.</summary>
public static class RequestBaseUrl
{
    public const string ForwardedProto = "X-Forwarded-Proto";
    public const string ForwardedHost = "X-Forwarded-Host";

    /// <summary>
    /// The Functions host proxies HTTP to the worker over plain http on loopback (keeping Host), and front ends
    /// terminate TLS; the forwarded headers carry what the caller actually used.
    /// </summary>
    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = First(request.Headers[ForwardedProto]) ?? request.Scheme;
        var host = First(request.Headers[ForwardedHost]) ?? request.Host.Value;
        return $"{scheme}://{host}";
    }

    private static string? First(string? header) =>
        header?.Split(',')[0].Trim() is { Length: > 0 } value ? value : null;
}
