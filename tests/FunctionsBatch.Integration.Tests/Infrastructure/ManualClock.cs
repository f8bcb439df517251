namespace FunctionsBatch.Integration.Tests.Infrastructure;

/// <summary>A clock the test moves: what several processes see when one of them stops renewing for a while.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
