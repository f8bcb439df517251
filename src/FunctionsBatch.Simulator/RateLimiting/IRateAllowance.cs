namespace FunctionsBatch.Simulator.RateLimiting;

/// <summary>One limit (tokens or requests) of one deployment. Not thread-safe: <see cref="DeploymentLimiter"/> locks around it.</summary>
public interface IRateAllowance
{
    /// <summary>The most that can ever be spent at once.</summary>
    long Capacity { get; }

    /// <summary>Whole units that could be spent now.</summary>
    long Available { get; }

    /// <summary>How long until the allowance is whole again (0 when it is).</summary>
    TimeSpan ResetAfter { get; }

    /// <summary>How long until <paramref name="amount"/> can be paid; zero when it can be paid now.</summary>
    TimeSpan TimeUntilAvailable(double amount);

    /// <summary>Pays <paramref name="amount"/> if it can be paid now.</summary>
    bool TryTake(double amount);
}
