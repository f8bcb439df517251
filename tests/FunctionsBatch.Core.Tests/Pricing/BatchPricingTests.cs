using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Tests.Pricing;

/// <summary>The Batch API is billed at half the list price; list cost ignores every discount.</summary>
public sealed class BatchPricingTests
{
    [Fact]
    public void For_BatchMode_IsHalfTheListPriceByDefault()
    {
        Assert.Equal(new ModelPrice(0.075m, 0.0375m, 0.30m), PriceTable.Default.For("gpt-4o-mini", RunModes.Batch));
        Assert.Equal(PriceTable.Default.For("gpt-4o-mini"), PriceTable.Default.For("gpt-4o-mini", RunModes.Online));
        Assert.Equal(0.5m, PriceTable.Default.BatchDiscount);
    }

    [Fact]
    public void For_BatchModeWithExplicitBatchPrice_UsesItOverTheDiscount()
    {
        var table = new PriceTable(
            new Dictionary<string, ModelPrice> { ["m"] = new(1m, 0.5m, 4m) },
            new DateOnly(2026, 11, 1),
            0.6m,
            new Dictionary<string, ModelPrice> { ["M"] = new(0.4m, 0.2m, 1.6m) });

        Assert.Equal(new ModelPrice(0.4m, 0.2m, 1.6m), table.For("m", RunModes.Batch));
        Assert.Equal(new ModelPrice(0.6m, 0.3m, 2.4m), new PriceTable(table.Prices, table.AsOf, 0.6m).For("m", RunModes.Batch));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(1.01)]
    public void Constructor_DiscountOutsideZeroToOne_Throws(double discount)
    {
        Assert.ThrowsAny<ArgumentOutOfRangeException>(() => new PriceTable(new Dictionary<string, ModelPrice>(), new DateOnly(2026, 11, 1), (decimal)discount));
    }

    [Fact]
    public void MicroDollars_SameTokensAtBatchPrice_AreHalfTheOnlineCost()
    {
        var usage = new TokenUsage(1_179_748, 0, 46_140);

        var online = CostCalculator.MicroDollars(usage, PriceTable.Default.For("gpt-4o-mini"));
        var batch = CostCalculator.MicroDollars(usage, PriceTable.Default.For("gpt-4o-mini", RunModes.Batch));

        Assert.Equal(204_646, online);
        Assert.Equal(102_323, batch);
    }

    [Fact]
    public void ListMicroDollars_CachedTokens_ArePricedAsUncachedInput()
    {
        var usage = new TokenUsage(1_000_000, 400_000, 100_000);
        var price = PriceTable.Default.For("gpt-4o");

        Assert.Equal(3_500_000, CostCalculator.ListMicroDollars(usage, price));
        Assert.Equal(3_000_000, CostCalculator.MicroDollars(usage, price));
    }
}
