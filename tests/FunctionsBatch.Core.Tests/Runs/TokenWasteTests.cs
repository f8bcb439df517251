using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Core.Tests.Runs;

public sealed class TokenWasteTests
{
    [Fact]
    public void Plus_AddsEachCause()
    {
        var sum = new TokenWaste(Reasked: 10, LostInTransit: 5) + new TokenWaste(LostInTransit: 7, Redone: 3);

        Assert.Equal(new TokenWaste(Reasked: 10, LostInTransit: 12, Redone: 3), sum);
        Assert.Equal(25, sum.Total);
    }

    [Fact]
    public void Describe_NamesTheCausesLargestFirstAndMarksEstimates()
    {
        var waste = new TokenWaste(Reasked: 512, Unreadable: 40, LostInTransit: 2_310);

        Assert.Equal("lost in transit (estimated) 2,310; re-asked 512; unreadable answers 40", waste.Describe());
    }

    [Fact]
    public void Describe_NoWaste_IsEmpty() => Assert.Equal(string.Empty, TokenWaste.None.Describe());
}
