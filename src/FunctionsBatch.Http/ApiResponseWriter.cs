using FunctionsBatch.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace FunctionsBatch.Http;

/// <summary>
/// Writes a host-neutral <see cref="ApiResult"/> the same way on both hosts: status and <c>Location</c>; an
/// <see cref="ApiError"/> as RFC 9457 problem details (<c>application/problem+json</c>, the project's <c>code</c> and
/// <c>details[{path,message}]</c> as extensions); an <see cref="HtmlPage"/> as <c>text/html</c> under its
/// Content-Security-Policy; anything else as JSON in <see cref="ApiJson.Options"/>.
/// </summary>
public static class ApiResponseWriter
{
    public const string ProblemContentType = "application/problem+json";

    public static Task WriteAsync(HttpContext context, ApiResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var response = context.Response;
        response.StatusCode = result.StatusCode;
        if (result.Location is not null)
        {
            response.Headers.Location = result.Location;
        }

        return result.Body switch
        {
            null => Task.CompletedTask,
            HtmlPage page => WriteHtmlAsync(response, page, context.RequestAborted),
            ApiError error => response.WriteAsJsonAsync(Problem(result.StatusCode, error), ApiJson.Options, ProblemContentType, context.RequestAborted),
            var body => response.WriteAsJsonAsync(body, body.GetType(), ApiJson.Options, context.RequestAborted),
        };
    }

    /// <summary>The problem document of an error: <c>title</c> is the status's phrase, <c>detail</c> the error's message.</summary>
    public static ProblemDetails Problem(int statusCode, ApiError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problem = new ProblemDetails
        {
            Status = statusCode,
            Title = ReasonPhrases.GetReasonPhrase(statusCode),
            Detail = error.Message,
        };
        problem.Extensions["code"] = error.Code;
        problem.Extensions["details"] = error.Details;
        return problem;
    }

    private static Task WriteHtmlAsync(HttpResponse response, HtmlPage page, CancellationToken cancellationToken)
    {
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.ContentSecurityPolicy = page.ContentSecurityPolicy;
        response.Headers.XContentTypeOptions = "nosniff";
        return response.WriteAsync(page.Html, cancellationToken);
    }
}
