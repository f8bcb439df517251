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
    private readonly IChatModelClient _inner;
    private readonly ResiliencePipeline<ChatCallResult> _pipeline;

    public RetryingChatModelClient(IChatModelClient inner, OpenAISettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _inner = inner;
        var maxDelay = TimeSpan.FromSeconds(settings.MaxDelaySeconds);
        _pipeline = new ResiliencePipelineBuilder<ChatCallResult>()
            .AddRetry(new RetryStrategyOptions<ChatCallResult>
            {
                MaxRetryAttempts = Math.Max(0, settings.MaxAttempts - 1),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.BaseDelayMilliseconds),
                MaxDelay = maxDelay,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result is { Succeeded: false, Retryable: true }),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } serverAsked ? (TimeSpan?)Min(serverAsked, maxDelay) : null),
            })
            .Build();
    }

    public async Task<ChatCallResult> CompleteAsync(ChatCallRequest request, CancellationToken cancellationToken)
    {
        var attempts = 0;
        var throttled = 0;
        var usage = Core.Runs.TokenUsage.Zero;
        long latency = 0;
        var result = await _pipeline.ExecuteAsync(
            async token =>
            {
                var attempt = await _inner.CompleteAsync(request, token).ConfigureAwait(false);
                attempts++;
                throttled += attempt.Throttled;
                latency += attempt.LatencyMs;
                if (!attempt.Succeeded)
                {
                    usage += attempt.Usage;
                }

                return attempt;
            },
            cancellationToken).ConfigureAwait(false);
        return result with
        {
            Attempts = attempts,
            Throttled = throttled,
            Usage = result.Succeeded ? usage + result.Usage : usage,
            LatencyMs = latency,
        };
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
