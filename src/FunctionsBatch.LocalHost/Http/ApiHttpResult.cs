using FunctionsBatch.Http;
using FunctionsBatch.Http.Api;

namespace FunctionsBatch.LocalHost.Http;

/// <summary>An <see cref="ApiResult"/> as the local host returns it, written by <see cref="ApiResponseWriter"/>.</summary>
public sealed class ApiHttpResult(ApiResult result) : IResult
{
    public ApiResult Result { get; } = result;

    public Task ExecuteAsync(HttpContext httpContext) => ApiResponseWriter.WriteAsync(httpContext, Result);
}
