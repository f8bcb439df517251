namespace FunctionsBatch.Simulator.RateLimiting;

/// <summary>How a per-minute limit is enforced.</summary>
public enum RateLimitShape
{
    /// <summary>
    /// As Azure OpenAI enforces it: over a short sliding window (10 s by default) that may hold limit × window ÷ 60,
    /// so no client gets a minute's worth at once.
    /// </summary>
    Window,

    /// <summary>A bucket holding one minute's allowance that starts full: lenient, kept for comparisons.</summary>
    Bucket,
}
