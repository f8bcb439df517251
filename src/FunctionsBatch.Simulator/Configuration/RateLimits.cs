using FunctionsBatch.Simulator.RateLimiting;

namespace FunctionsBatch.Simulator.Configuration;

/// <summary>Effective per-minute limits of one deployment (0 means unlimited) and how they are enforced.</summary>
/// <param name="WindowSeconds">For <see cref="RateLimitShape.Window"/>: the sliding window's length.</param>
public readonly record struct RateLimits(
    long TokensPerMinute,
    long RequestsPerMinute,
    RateLimitShape Shape = RateLimitShape.Window,
    double WindowSeconds = RateLimits.DefaultWindowSeconds)
{
    public const double DefaultWindowSeconds = 10;
}
