using FunctionsBatch.Orchestration.Api;

namespace FunctionsBatch.LocalHost.Http;

/// <summary>Writes a host-neutral <see cref="ApiResult"/>: status, <c>Location</c>, JSON body in <see cref="ApiJson.Options"/>.</summary>
public sealed class ApiHttpResult(ApiResult result) : IResult
{
    public ApiResult Result { get; } = result;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Result.StatusCode;
        if (Result.Location is not null)
        {
            response.Headers.Location = Result.Location;
        }

        return Result.Body is null
            ? Task.CompletedTask
            : response.WriteAsJsonAsync(Result.Body, Result.Body.GetType(), ApiJson.Options, httpContext.RequestAborted);
    }
}
