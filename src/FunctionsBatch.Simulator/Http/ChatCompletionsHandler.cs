using System.Globalization;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Chat;
using FunctionsBatch.Simulator.Configuration;
using FunctionsBatch.Simulator.Generation;
using FunctionsBatch.Simulator.RateLimiting;
using FunctionsBatch.Simulator.Stats;
using Microsoft.Extensions.Primitives;

namespace FunctionsBatch.Simulator.Http;

/// <summary>
/// <c>POST /openai/deployments/{deployment}/chat/completions</c>: authenticate, validate, charge the rate
/// limits the way Azure estimates a request, wait the configured latency, answer.
/// </summary>
public sealed class ChatCompletionsHandler(
    SimulatorSettings settings,
    RateLimiterRegistry limiter,
    SimulatorStats stats,
    TimeProvider time,
    ILogger<ChatCompletionsHandler> logger)
{
    /// <summary>What Azure charges against TPM for the completion when a request sets no max_tokens.</summary>
    public const int DefaultCompletionEstimate = 1000;

    public async Task<IResult> HandleAsync(HttpContext context, string deployment)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tracked = stats.Received(deployment);
        var config = settings.Current;
        var cancellationToken = context.RequestAborted;
        context.Response.Headers["apim-request-id"] = Guid.NewGuid().ToString();
        try
        {
            if (!IsAuthorized(context.Request, config.ApiKey))
            {
                tracked.Complete(RequestOutcome.Failed);
                SimulatorLog.Refused(logger, deployment, StatusCodes.Status401Unauthorized, "401");
                return AzureErrors.Unauthorized();
            }

            ChatRequest request;
            int promptTokens;
            GeneratedCompletion completion;
            try
            {
                request = await ChatRequestParser.ParseAsync(context.Request.Body, cancellationToken).ConfigureAwait(false);
                promptTokens = ChatTokenCounter.CountPromptTokens(request.Messages);
                CheckContextWindow(config, promptTokens, request.MaxTokens);
                completion = CompletionGenerator.Generate(request);
            }
            catch (InvalidChatRequestException ex)
            {
                tracked.Complete(RequestOutcome.Failed);
                SimulatorLog.Refused(logger, deployment, StatusCodes.Status400BadRequest, ex.Code);
                return AzureErrors.BadRequest(ex);
            }

            var decision = limiter.TryAcquire(deployment, promptTokens + (request.MaxTokens ?? DefaultCompletionEstimate));
            WriteRemaining(context.Response, decision);
            if (!decision.Allowed)
            {
                tracked.Complete(RequestOutcome.Throttled);
                return Throttled(context, deployment, decision);
            }

            await DelayAsync(config, cancellationToken).ConfigureAwait(false);
            var body = ChatCompletionWriter.Write(
                "chatcmpl-" + Guid.NewGuid().ToString("N"), time.GetUtcNow(), config.ModelFor(deployment), promptTokens, completion);
            tracked.Complete(RequestOutcome.Succeeded, promptTokens, completion.CompletionTokens);
            SimulatorLog.Completed(logger, deployment, StatusCodes.Status200OK, promptTokens, completion.CompletionTokens);
            return Results.Bytes(body, "application/json");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            tracked.Complete(RequestOutcome.Failed);
            return Results.Empty;
        }
    }

    private static bool IsAuthorized(HttpRequest request, string apiKey)
    {
        if (request.Headers.TryGetValue("api-key", out var key))
        {
            return StringValues.Equals(key, apiKey);
        }

        var authorization = request.Headers.Authorization.ToString();
        const string Bearer = "Bearer ";
        return authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase)
            && string.Equals(authorization[Bearer.Length..].Trim(), apiKey, StringComparison.Ordinal);
    }

    private static void CheckContextWindow(SimulatorConfig config, int promptTokens, int? maxTokens)
    {
        var requested = promptTokens + (maxTokens ?? 0);
        if (requested > config.ContextWindow)
        {
            throw new InvalidChatRequestException(
                "context_length_exceeded",
                string.Create(CultureInfo.InvariantCulture, $"This model's maximum context length is {config.ContextWindow} tokens. However, you requested {requested} tokens ({promptTokens} in the messages, {maxTokens ?? 0} in the completion). Please reduce the length of the messages or completion."),
                "messages");
        }
    }

    private static void WriteRemaining(HttpResponse response, RateLimitDecision decision)
    {
        if (decision.RemainingRequests is { } requests)
        {
            response.Headers["x-ratelimit-remaining-requests"] = requests.ToString(CultureInfo.InvariantCulture);
        }

        if (decision.RemainingTokens is { } tokens)
        {
            response.Headers["x-ratelimit-remaining-tokens"] = tokens.ToString(CultureInfo.InvariantCulture);
        }
    }

    private IResult Throttled(HttpContext context, string deployment, RateLimitDecision decision)
    {
        var milliseconds = Math.Max(1, (long)Math.Ceiling(decision.RetryAfter.TotalMilliseconds));
        var seconds = (int)Math.Max(1, Math.Ceiling(milliseconds / 1000.0));
        context.Response.Headers["retry-after-ms"] = milliseconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        SimulatorLog.Throttled(logger, deployment, decision.ExceededLimit.ToString(), milliseconds);
        var apiVersion = context.Request.Query["api-version"].ToString();
        return AzureErrors.TooManyRequests(decision.ExceededLimit, apiVersion.Length > 0 ? apiVersion : "2024-10-21", seconds);
    }

    private async Task DelayAsync(SimulatorConfig config, CancellationToken cancellationToken)
    {
        var jitter = config.LatencyJitterMs > 0 ? Random.Shared.Next(0, config.LatencyJitterMs + 1) : 0;
        var delay = config.LatencyMs + jitter;
        if (delay > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(delay), time, cancellationToken).ConfigureAwait(false);
        }
    }
}
