using Microsoft.Extensions.Primitives;

namespace FunctionsBatch.Simulator.Http;

/// <summary>The simulator's key check: an <c>api-key</c> header, or a bearer token equal to the key.</summary>
public static class ApiKeyAuthorization
{
    public static bool IsAuthorized(HttpRequest request, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Headers.TryGetValue("api-key", out var key))
        {
            return StringValues.Equals(key, apiKey);
        }

        var authorization = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && string.Equals(authorization[Bearer.Length..].Trim(), apiKey, StringComparison.Ordinal);
    }
}
