using FunctionsBatch.Http.Api;

namespace FunctionsBatch.LocalHost.Http;

/// <summary>Function-level authorization, as <c>AuthorizationLevel.Function</c>: the key in a header or the <c>code</c> query parameter.</summary>
public sealed class FunctionKeyFilter(FunctionKey key) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var candidate = request.Headers.TryGetValue(FunctionKey.HeaderName, out var header) && header.Count > 0
            ? header[0]
            : request.Query[FunctionKey.QueryName].FirstOrDefault();
        if (key.Matches(candidate))
        {
            return next(context);
        }

        var error = ApiResult.Error(
            StatusCodes.Status401Unauthorized,
            "unauthorized",
            candidate is null
                ? $"a function key is required: send the '{FunctionKey.HeaderName}' header or the '{FunctionKey.QueryName}' query parameter"
                : "the function key is not valid");
        return ValueTask.FromResult<object?>(new ApiHttpResult(error));
    }
}
