using FunctionsBatch.Core.Throttling;

namespace FunctionsBatch.Core.Tests.Throttling;

public sealed class AdaptiveWindowTests
{
    [Fact]
    public void Completed_CleanChunks_GrowByOneUpToTheMaximum()
    {
        var window = new AdaptiveWindow(maximum: 4, initial: 1);

        var sizes = Enumerable.Range(0, 5).Select(_ =>
        {
            window.Completed(window.Dispatched(), throttled: 0);
            return window.Current;
        }).ToArray();

        Assert.Equal([2, 3, 4, 4, 4], sizes);
    }

    [Fact]
    public void Completed_OneBurstReportedByAllChunksInFlight_HalvesOnce()
    {
        var window = new AdaptiveWindow(maximum: 16, initial: 16);
        var inFlight = Enumerable.Range(0, 16).Select(_ => window.Dispatched()).ToArray();

        foreach (var ticket in inFlight)
        {
            window.Completed(ticket, throttled: 2);
        }

        Assert.Equal(8, window.Current);
    }

    [Fact]
    public void Completed_ThrottlingPersistsAcrossGenerations_KeepsHalvingDownToOne()
    {
        var window = new AdaptiveWindow(maximum: 16, initial: 16);

        var sizes = Enumerable.Range(0, 6).Select(_ =>
        {
            window.Completed(window.Dispatched(), throttled: 1);
            return window.Current;
        }).ToArray();

        Assert.Equal([8, 4, 2, 1, 1, 1], sizes);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(9, 4)]
    public void Constructor_InitialOutsideRange_IsClamped(int initial, int expected) =>
        Assert.Equal(expected, new AdaptiveWindow(maximum: 4, initial).Current);
}
