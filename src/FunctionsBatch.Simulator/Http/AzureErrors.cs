using System.Globalization;
using FunctionsBatch.Simulator.Chat;
using FunctionsBatch.Simulator.RateLimiting;

namespace FunctionsBatch.Simulator.Http;

/// <summary>Error answers in the shapes Azure OpenAI gives them.</summary>
public static class AzureErrors
{
    public static IResult Unauthorized() => Error(
        StatusCodes.Status401Unauthorized,
        "401",
        "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.");

    public static IResult NotFound() => Error(StatusCodes.Status404NotFound, "404", "Resource not found");

    public static IResult BadRequest(InvalidChatRequestException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Results.Json(
            new { error = new { code = exception.Code, message = exception.Message, param = exception.Param, type = "invalid_request_error" } },
            statusCode: StatusCodes.Status400BadRequest);
    }

    public static IResult BadRequest(string message) => Error(StatusCodes.Status400BadRequest, "BadRequest", message);

    public static IResult TooManyRequests(RateLimitKind kind, string apiVersion, int retryAfterSeconds)
    {
        var limit = kind == RateLimitKind.Requests ? "call rate limit" : "token rate limit";
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"Requests to the ChatCompletions_Create Operation under Azure OpenAI API version {apiVersion} have exceeded {limit} of your current OpenAI S0 pricing tier. Please retry after {retryAfterSeconds} second{(retryAfterSeconds == 1 ? string.Empty : "s")}. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.");
        return Error(StatusCodes.Status429TooManyRequests, "429", message);
    }

    /// <summary>An injected server error: 500 and 503 in the service's words, other 5xx generically.</summary>
    public static IResult ServerError(int status) => status switch
    {
        StatusCodes.Status500InternalServerError => Error(status, "InternalServerError", "The server had an error while processing your request. Sorry about that!"),
        StatusCodes.Status503ServiceUnavailable => Error(status, "ServiceUnavailable", "The service is temporarily unable to process your request. Please try again later."),
        _ => Error(status, status.ToString(CultureInfo.InvariantCulture), "The service failed to process your request. Please try again later."),
    };

    /// <summary>The 400 Azure gives when the prompt trips the content filter; it never passes on a retry.</summary>
    public static IResult ContentFiltered() => Results.Json(
        new
        {
            error = new
            {
                message = "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
                type = (string?)null,
                param = "prompt",
                code = "content_filter",
                status = StatusCodes.Status400BadRequest,
                innererror = new
                {
                    code = "ResponsibleAIPolicyViolation",
                    content_filter_result = new
                    {
                        hate = new { filtered = false, severity = "safe" },
                        jailbreak = new { filtered = false, detected = false },
                        self_harm = new { filtered = false, severity = "safe" },
                        sexual = new { filtered = false, severity = "safe" },
                        violence = new { filtered = true, severity = "medium" },
                    },
                },
            },
        },
        statusCode: StatusCodes.Status400BadRequest);

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
