using FunctionsBatch.Orchestration.Api;

namespace FunctionsBatch.LocalHost.Http;

/// <summary>
/// Writes a host-neutral <see cref="ApiResult"/>: status, <c>Location</c>, JSON body in <see cref="ApiJson.Options"/>,
/// or an <see cref="HtmlPage"/> as <c>text/html</c> under its Content-Security-Policy.
/// </summary>
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

        return Result.Body switch
        {
            null => Task.CompletedTask,
            HtmlPage page => WriteHtmlAsync(response, page, httpContext.RequestAborted),
            var body => response.WriteAsJsonAsync(body, body.GetType(), ApiJson.Options, httpContext.RequestAborted),
        };
    }

    private static Task WriteHtmlAsync(HttpResponse response, HtmlPage page, CancellationToken cancellationToken)
    {
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = page.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        return response.WriteAsync(page.Html, cancellationToken);
    }
}
