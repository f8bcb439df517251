using FunctionsBatch.Orchestration.Processing;
using Polly;
using Polly.Retry;

namespace FunctionsBatch.Azure.OpenAI;

/// <summary>
/// The one retry policy for model calls (the SDK's retries are off): transient failures are retried with
/// exponential backoff and jitter, waiting at least what the server asked for in <c>retry-after-ms</c>.
/// The result carries the total attempts, the 429s seen and the tokens of every attempt.
/// </summary>
public sealed class RetryingChatModelClient : IChatModelClient
{
    private static readonly ResiliencePropertyKey<RetryBudget?> BudgetKey = new("functionsbatch.retry-budget");
    private readonly IChatModelClient _inner;
    private readonly ResiliencePipeline<ChatCallResult> _pipeline;
    private readonly int _maxAttempts;

    public RetryingChatModelClient(IChatModelClient inner, OpenAISettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _inner = inner;
        _maxAttempts = settings.MaxAttempts;
        var maxDelay = TimeSpan.FromSeconds(settings.MaxDelaySeconds);
        var maxRetries = Math.Max(0, settings.MaxAttempts - 1);
        _pipeline = new ResiliencePipelineBuilder<ChatCallResult>()
            .AddRetry(new RetryStrategyOptions<ChatCallResult>
            {
                MaxRetryAttempts = maxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.BaseDelayMilliseconds),
                MaxDelay = maxDelay,
                // Polly asks ShouldHandle after the last attempt too: take from the budget only when a retry will follow.
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Result is { Succeeded: false, Retryable: true }
                    && args.AttemptNumber < maxRetries
                    && args.Context.Properties.GetValue(BudgetKey, null)?.TryConsume() != false),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } serverAsked ? (TimeSpan?)Min(serverAsked, maxDelay) : null),
            })
            .Build();
    }

    public async Task<ChatCallResult> CompleteAsync(ChatCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var attempts = 0;
        var throttled = 0;
        var failedUsage = Core.Runs.TokenUsage.Zero;
        long latency = 0;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(BudgetKey, request.Budget);
        ChatCallResult result;
        try
        {
            result = await _pipeline.ExecuteAsync(
                async (ctx, _) =>
                {
                    var attempt = await _inner.CompleteAsync(request, ctx.CancellationToken).ConfigureAwait(false);
                    attempts++;
                    throttled += attempt.Throttled;
                    latency += attempt.LatencyMs;
                    if (!attempt.Succeeded)
                    {
                        failedUsage += attempt.Usage;
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

        if (result is { Succeeded: false, Retryable: true } && attempts < _maxAttempts)
        {
            result = result with { ErrorMessage = $"{result.ErrorMessage} (not retried: the chunk's retry budget is spent)" };
        }

        return result with
        {
            Attempts = attempts,
            Throttled = throttled,
            Usage = result.Succeeded ? failedUsage + result.Usage : failedUsage,
            LatencyMs = latency,
        };
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
