using System.Globalization;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Simulator.Chat;
using FunctionsBatch.Simulator.Configuration;
using FunctionsBatch.Simulator.Faults;
using FunctionsBatch.Simulator.Generation;
using FunctionsBatch.Simulator.RateLimiting;
using FunctionsBatch.Simulator.Stats;

namespace FunctionsBatch.Simulator.Http;

/// <summary>
/// <c>POST /openai/deployments/{deployment}/chat/completions</c>: authenticate, validate, inject the planned
/// transport faults, charge the rate limits the way Azure estimates a request, apply the content filter, wait
/// the configured latency, answer (breaking the response schema when planned).
/// </summary>
/// <remarks>
/// Transport faults (slow, throttle, server_error, reset, truncated) come before the rate limit buckets, so a
/// planted fault is seen on the attempt it was planned for even when the buckets are empty, and a faulted
/// request is not charged. The content filter, being permanent, comes after them, as in the service.
/// </remarks>
public sealed class ChatCompletionsHandler(
    SimulatorSettings settings,
    RateLimiterRegistry limiter,
    SimulatorStats stats,
    FaultInjector faults,
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
            if (!ApiKeyAuthorization.IsAuthorized(context.Request, config.ApiKey))
            {
                tracked.Complete(RequestOutcome.Failed);
                SimulatorLog.Refused(logger, deployment, StatusCodes.Status401Unauthorized, "401");
                return AzureErrors.Unauthorized();
            }

            var policy = config.FaultsFor(deployment);
            ChatRequest request;
            int promptTokens;
            GeneratedCompletion completion;
            FaultPlan plan;
            try
            {
                var forced = FaultHeader.Parse(context.Request.Headers[FaultHeader.Name]);
                request = await ChatRequestParser.ParseAsync(context.Request.Body, cancellationToken).ConfigureAwait(false);
                promptTokens = ChatTokenCounter.CountPromptTokens(request.Messages);
                CheckContextWindow(config, promptTokens, request.MaxTokens);
                completion = CompletionGenerator.Generate(request);
                plan = faults.Plan(policy, request.Messages, forced);
            }
            catch (InvalidChatRequestException ex)
            {
                tracked.Complete(RequestOutcome.Failed);
                SimulatorLog.Refused(logger, deployment, StatusCodes.Status400BadRequest, ex.Code);
                return AzureErrors.BadRequest(ex);
            }

            if (plan.SlowMs is { } slowMs)
            {
                Injected(tracked, deployment, FaultKind.Slow, plan);
                await Task.Delay(TimeSpan.FromMilliseconds(slowMs), time, cancellationToken).ConfigureAwait(false);
            }

            if (InjectRefusal(context, deployment, tracked, plan) is { } refused)
            {
                return refused;
            }

            var decision = limiter.TryAcquire(deployment, promptTokens + (request.MaxTokens ?? DefaultCompletionEstimate));
            WriteRateHeaders(context.Response, decision, config.RateLimitHeaders);
            if (!decision.Allowed)
            {
                tracked.Complete(RequestOutcome.Throttled);
                var milliseconds = Math.Max(1, (long)Math.Ceiling(decision.RetryAfter.TotalMilliseconds));
                SimulatorLog.Throttled(logger, deployment, decision.ExceededLimit.ToString(), milliseconds);
                return Throttled(context, decision.ExceededLimit, milliseconds);
            }

            if (plan.ContentFilter)
            {
                Injected(tracked, deployment, FaultKind.ContentFilter, plan);
                tracked.Complete(RequestOutcome.Failed);
                return AzureErrors.ContentFiltered();
            }

            await DelayAsync(config, cancellationToken).ConfigureAwait(false);
            if (request is { ResponseFormat: ResponseFormatKind.JsonSchema, Schema: not null } && faults.ViolatesSchema(plan, policy))
            {
                Injected(tracked, deployment, FaultKind.SchemaViolation, plan);
                completion = CompletionGenerator.Generate(request, violateSchema: true);
            }

            var body = WriteBody(config, deployment, promptTokens, completion);
            if (LoseAnswer(context, deployment, tracked, plan, body, promptTokens, completion.CompletionTokens) is { } lost)
            {
                return lost;
            }

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

    private static void WriteRateHeaders(HttpResponse response, RateLimitDecision decision, RateHeaders shape)
    {
        WriteLimit(response, "requests", decision.RemainingRequests, decision.LimitRequests, decision.ResetRequests, shape);
        WriteLimit(response, "tokens", decision.RemainingTokens, decision.LimitTokens, decision.ResetTokens, shape);
    }

    private static void WriteLimit(HttpResponse response, string dimension, long? remaining, long? limit, TimeSpan? reset, RateHeaders shape)
    {
        if (remaining is not { } left)
        {
            return;
        }

        response.Headers[$"x-ratelimit-remaining-{dimension}"] = left.ToString(CultureInfo.InvariantCulture);
        if (shape == RateHeaders.OpenAI && limit is { } perMinute && reset is { } resetAfter)
        {
            response.Headers[$"x-ratelimit-limit-{dimension}"] = perMinute.ToString(CultureInfo.InvariantCulture);
            response.Headers[$"x-ratelimit-reset-{dimension}"] = ResetDuration.Format(resetAfter);
        }
    }

    private static IResult Throttled(HttpContext context, RateLimitKind kind, long milliseconds)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(milliseconds / 1000.0));
        context.Response.Headers["retry-after-ms"] = milliseconds.ToString(CultureInfo.InvariantCulture);
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var apiVersion = context.Request.Query["api-version"].ToString();
        return AzureErrors.TooManyRequests(kind, apiVersion.Length > 0 ? apiVersion : "2024-10-21", seconds);
    }

    /// <summary>Refuses with the planned throttle or server error, before the model is asked; null when none is planned.</summary>
    private IResult? InjectRefusal(HttpContext context, string deployment, TrackedRequest tracked, FaultPlan plan)
    {
        if (plan.ThrottleRetryAfterMs is { } retryAfterMs)
        {
            Injected(tracked, deployment, FaultKind.Throttle, plan);
            tracked.Complete(RequestOutcome.Throttled);
            return Throttled(context, RateLimitKind.Tokens, retryAfterMs);
        }

        if (plan.ServerErrorStatus is { } status)
        {
            Injected(tracked, deployment, FaultKind.ServerError, plan);
            tracked.Complete(RequestOutcome.Failed);
            return AzureErrors.ServerError(status);
        }

        return null;
    }

    /// <summary>
    /// Loses the answer the model just produced, as planned: the connection resets, the body is cut off, or the body
    /// keeps its usage and drops its choices. The model did the work, so the tokens count as billed; null when none is planned.
    /// </summary>
    private IResult? LoseAnswer(HttpContext context, string deployment, TrackedRequest tracked, FaultPlan plan, byte[] body, int promptTokens, int completionTokens)
    {
        if (plan.Reset)
        {
            Injected(tracked, deployment, FaultKind.Reset, plan);
            tracked.Complete(RequestOutcome.Failed, promptTokens, completionTokens);
            context.Abort();
            return Results.Empty;
        }

        if (plan.Truncate)
        {
            Injected(tracked, deployment, FaultKind.Truncated, plan);
            tracked.Complete(RequestOutcome.Failed, promptTokens, completionTokens);
            return Results.Bytes(BodyTruncator.Truncate(body), "application/json");
        }

        if (plan.NoChoices)
        {
            Injected(tracked, deployment, FaultKind.NoChoices, plan);
            tracked.Complete(RequestOutcome.Failed, promptTokens, completionTokens);
            return Results.Bytes(WithoutChoices(body), "application/json");
        }

        return null;
    }

    private static byte[] WithoutChoices(byte[] body)
    {
        var answer = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        answer.Remove("choices");
        return System.Text.Encoding.UTF8.GetBytes(answer.ToJsonString());
    }

    private void Injected(TrackedRequest tracked, string deployment, FaultKind kind, FaultPlan plan)
    {
        tracked.Faulted(kind);
        SimulatorLog.FaultInjected(logger, deployment, FaultKinds.Name(kind), plan.Attempt);
    }

    private byte[] WriteBody(SimulatorConfig config, string deployment, int promptTokens, GeneratedCompletion completion) =>
        ChatCompletionWriter.Write("chatcmpl-" + Guid.NewGuid().ToString("N"), time.GetUtcNow(), config.ModelFor(deployment), promptTokens, completion, !config.OmitUsage);

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
