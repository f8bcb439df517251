namespace FunctionsBatch.Core.Tests.Throttling;

/// <summary>
/// A deployment limited the way Azure OpenAI limits it, in virtual time: whatever was admitted in the last
/// <see cref="Window"/> may not pass TPM × window ÷ 60; answers carry <c>x-ratelimit-remaining-tokens</c> as of admission.
/// </summary>
internal sealed class WindowedDeployment(long tokensPerMinute, TimeSpan window)
{
    private readonly Queue<(TimeSpan At, int Tokens)> _admitted = new();
    private long _spent;

    public TimeSpan Window { get; } = window;

    public long Capacity { get; } = (long)(tokensPerMinute * window.TotalSeconds / 60);

    public int Requests { get; private set; }

    public int Refused { get; private set; }

    /// <summary>Admits or refuses a call of <paramref name="tokens"/>; a refusal says how long until it would fit.</summary>
    public (bool Admitted, long Remaining, TimeSpan RetryAfter) Send(int tokens, TimeSpan now)
    {
        Requests++;
        while (_admitted.TryPeek(out var oldest) && now - oldest.At >= Window)
        {
            _spent -= _admitted.Dequeue().Tokens;
        }

        if (_spent + tokens <= Capacity)
        {
            _admitted.Enqueue((now, tokens));
            _spent += tokens;
            return (true, Capacity - _spent, TimeSpan.Zero);
        }

        Refused++;
        var excess = _spent + tokens - Capacity;
        foreach (var (at, spent) in _admitted)
        {
            excess -= spent;
            if (excess <= 0)
            {
                return (false, Math.Max(0, Capacity - _spent), Window - (now - at));
            }
        }

        return (false, 0, Window);
    }
}
