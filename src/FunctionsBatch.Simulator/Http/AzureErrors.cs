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

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new { error = new { code, message } }, statusCode: status);
}
