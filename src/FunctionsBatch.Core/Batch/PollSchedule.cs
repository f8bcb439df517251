namespace FunctionsBatch.Core.Batch;

/// <summary>Waits between batch status checks: start small, double each time, never more than the cap.</summary>
public sealed record PollSchedule(TimeSpan Initial, TimeSpan Max)
{
    public TimeSpan Next(TimeSpan current) => current.Ticks > Max.Ticks / 2 ? Max : current * 2;

    /// <summary>The first <paramref name="count"/> waits.</summary>
    public IEnumerable<TimeSpan> Take(int count)
    {
        var wait = Initial > Max ? Max : Initial;
        for (var i = 0; i < count; i++)
        {
            yield return wait;
            wait = Next(wait);
        }
    }
}
