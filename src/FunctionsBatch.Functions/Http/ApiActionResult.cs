using FunctionsBatch.Orchestration.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace FunctionsBatch.Functions.Http;

/// <summary>
/// Writes an <see cref="ApiResult"/>: status code, Location header, body as JSON with <see cref="ApiJson.Options"/>,
/// or an <see cref="HtmlPage"/> as <c>text/html</c> under its Content-Security-Policy.
/// </summary>
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

        if (Result.Body is HtmlPage page)
        {
            response.ContentType = "text/html; charset=utf-8";
            response.Headers.ContentSecurityPolicy = page.ContentSecurityPolicy;
            response.Headers.XContentTypeOptions = "nosniff";
            await response.WriteAsync(page.Html, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        else if (Result.Body is not null)
        {
            await response.WriteAsJsonAsync(
                Result.Body, Result.Body.GetType(), ApiJson.Options, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
