using FunctionsBatch.Orchestration.Processing;
using Polly;
using Polly.Retry;

namespace FunctionsBatch.Azure.OpenAI;

/// <summary>
/// The one retry policy for model calls (the SDK's retries are off). A 429 is a reason to slow down, not to give
/// up: it is sent again as soon as the pacer (inside this decorator) admits it, without spending an attempt or the
/// chunk's retry budget, until the call's <see cref="ChatCallRequest.ThrottleUntil"/>. Other transient failures (5xx,
/// timeouts, resets) are retried with exponential backoff and jitter, waiting at least what the server asked for in
/// <c>retry-after-ms</c>, up to the attempt limit and the chunk's retry budget (storm protection). The result
/// carries the total attempts, the 429s seen and the tokens of every attempt.
/// </summary>
public sealed class RetryingChatModelClient : IChatModelClient
{
    private static readonly ResiliencePropertyKey<CallState> StateKey = new("functionsbatch.call-state");
    private readonly IChatModelClient _inner;
    private readonly ResiliencePipeline<ChatCallResult> _pipeline;
    private readonly TimeProvider _time;

    public RetryingChatModelClient(IChatModelClient inner, OpenAISettings settings, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _inner = inner;
        _time = time ?? TimeProvider.System;
        var maxDelay = TimeSpan.FromSeconds(settings.MaxDelaySeconds);
        var maxRetries = Math.Max(0, settings.MaxAttempts - 1);
        _pipeline = new ResiliencePipelineBuilder<ChatCallResult>()
            .AddRetry(new RetryStrategyOptions<ChatCallResult>
            {
                MaxRetryAttempts = int.MaxValue,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.BaseDelayMilliseconds),
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome.Result, args.Context.Properties.GetValue(StateKey, null!), maxRetries)),
                // A 429 waits the whole of the service's retry-after (it is the service's word, not a backoff to cap), then
                // goes back through the pacer, which may hold it longer for the learned rate or a storm's pause.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { HttpStatus: 429, RetryAfter: var asked } ? asked ?? TimeSpan.Zero
                    : args.Outcome.Result?.RetryAfter is { } serverAsked ? (TimeSpan?)Min(serverAsked, maxDelay)
                    : null),
            })
            .Build();
    }

    public async Task<ChatCallResult> CompleteAsync(ChatCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attempts = 0;
        var throttled = 0;
        var failedUsage = Core.Runs.TokenUsage.Zero;
        var waste = Core.Runs.TokenWaste.None;
        long latency = 0;
        var state = new CallState(request, _time);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(StateKey, state);
        ChatCallResult result;
        try
        {
            result = await _pipeline.ExecuteAsync(
                async (ctx, _) =>
                {
                    var attempt = await _inner.CompleteAsync(request, ctx.CancellationToken).ConfigureAwait(false);
                    attempts += attempt.Attempts;
                    throttled += attempt.Throttled;
                    latency += attempt.LatencyMs;
                    if (!attempt.Succeeded)
                    {
                        failedUsage += attempt.Usage;
                        waste += attempt.Waste;
                    }

                    return attempt;
                },
                context,
                state: 0).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (result is { Succeeded: false, Retryable: true } && result.ErrorCode != RecordErrorCodes.Throttled && state.BudgetSpent)
        {
            result = result with { ErrorMessage = $"{result.ErrorMessage} (not retried: the chunk's retry budget is spent)" };
        }

        return result with
        {
            Attempts = attempts,
            Throttled = throttled,
            Usage = result.Succeeded ? failedUsage + result.Usage : failedUsage,
            LatencyMs = latency,
            Waste = waste,
        };
    }

    private static bool ShouldRetry(ChatCallResult? result, CallState state, int maxRetries)
    {
        if (result is not { Succeeded: false, Retryable: true })
        {
            return false;
        }

        if (result.ErrorCode == RecordErrorCodes.Throttled)
        {
            // Answered 429: again, while the call's time allows. Not sent at all: the pacer already said it does not.
            return result.HttpStatus == 429 && !state.WouldPassThrottleLimit(result.RetryAfter ?? TimeSpan.Zero);
        }

        // Polly asks after the last attempt too: take from the budget only when a retry will follow.
        if (state.TransientRetries >= maxRetries)
        {
            return false;
        }

        if (state.Request.Budget?.TryConsume() == false)
        {
            state.BudgetSpent = true;
            return false;
        }

        state.TransientRetries++;
        return true;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private sealed class CallState(ChatCallRequest request, TimeProvider time)
    {
        public ChatCallRequest Request { get; } = request;

        public int TransientRetries { get; set; }

        public bool BudgetSpent { get; set; }

        public bool WouldPassThrottleLimit(TimeSpan wait) => Request.ThrottleUntil is { } until && time.GetUtcNow() + wait >= until;
    }
}
