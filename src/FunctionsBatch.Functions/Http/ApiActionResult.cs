using FunctionsBatch.Orchestration.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FunctionsBatch.Functions.Http;

/// <summary>Writes an <see cref="ApiResult"/>: status code, Location header, body as JSON with <see cref="ApiJson.Options"/>.</summary>
public sealed class ApiActionResult(ApiResult result) : IActionResult
{
    public ApiResult Result { get; } = result ?? throw new ArgumentNullException(nameof(result));

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = Result.StatusCode;
        if (Result.Location is not null)
        {
            response.Headers.Location = Result.Location;
        }

        if (Result.Body is not null)
        {
            await response.WriteAsJsonAsync(
                Result.Body, Result.Body.GetType(), ApiJson.Options, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
