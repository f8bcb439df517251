using FunctionsBatch.Core.Throttling;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// Paces calls to each deployment with token buckets for its TPM and RPM, charging what Azure OpenAI
/// charges at admission (prompt tokens from the tokenizer plus <c>max_tokens</c>), and lowers a bucket
/// when the <c>x-ratelimit-remaining-*</c> headers show less headroom (other callers share the quota).
/// One instance per process, shared by every chunk running in it.
/// </summary>
public sealed class PacedChatModelClient(IChatModelClient inner, IReadOnlyDictionary<string, DeploymentQuota> quotas, TimeProvider time, double burstSeconds = 10)
    : IChatModelClient
{
    private readonly Dictionary<string, DeploymentPacer?> _pacers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();

    public async Task<ChatCallResult> CompleteAsync(ChatCallRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pacer = PacerFor(request.Deployment);
        if (pacer is null)
        {
            return await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        }

        var cost = ChatTokenCounter.CountPromptTokens(request.Messages) + request.MaxOutputTokens;
        TimeSpan wait;
        lock (_gate)
        {
            wait = pacer.Reserve(cost, time.GetElapsedTime(0));
        }

        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }

        var result = await inner.CompleteAsync(request, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            pacer.Observe(result.RemainingTokens, result.RemainingRequests, time.GetElapsedTime(0));
        }

        return result;
    }

    private DeploymentPacer? PacerFor(string deployment)
    {
        lock (_gate)
        {
            if (_pacers.TryGetValue(deployment, out var pacer))
            {
                return pacer;
            }

            var quota = quotas.GetValueOrDefault(deployment, DeploymentQuota.Unknown);
            pacer = quota.TokensPerMinute > 0 || quota.RequestsPerMinute > 0
                ? new DeploymentPacer(quota, burstSeconds, time.GetElapsedTime(0))
                : null;
            _pacers[deployment] = pacer;
            return pacer;
        }
    }

    private sealed class DeploymentPacer(DeploymentQuota quota, double burstSeconds, TimeSpan now)
    {
        private readonly TokenBucket? _tokens = quota.TokensPerMinute > 0 ? Bucket(quota.TokensPerMinute, burstSeconds, now) : null;
        private readonly TokenBucket? _requests = quota.RequestsPerMinute > 0 ? Bucket(quota.RequestsPerMinute, burstSeconds, now) : null;

        public TimeSpan Reserve(int tokens, TimeSpan now)
        {
            var forTokens = _tokens?.Reserve(tokens, now) ?? TimeSpan.Zero;
            var forRequests = _requests?.Reserve(1, now) ?? TimeSpan.Zero;
            return forTokens > forRequests ? forTokens : forRequests;
        }

        public void Observe(int? remainingTokens, int? remainingRequests, TimeSpan now)
        {
            if (remainingTokens is { } t)
            {
                _tokens?.ObserveRemaining(t, now);
            }

            if (remainingRequests is { } r)
            {
                _requests?.ObserveRemaining(r, now);
            }
        }

        private static TokenBucket Bucket(int perMinute, double burstSeconds, TimeSpan now) =>
            new(perMinute / 60.0, Math.Max(1, perMinute / 60.0 * burstSeconds), now);
    }
}
