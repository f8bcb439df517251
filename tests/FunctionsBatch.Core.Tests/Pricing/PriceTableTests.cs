using FunctionsBatch.Core.Pricing;

namespace FunctionsBatch.Core.Tests.Pricing;

public sealed class PriceTableTests
{
    [Theory]
    [InlineData("gpt-4o-mini")]
    [InlineData("GPT-4o-Mini")]
    public void For_KnownModelInAnyCase_ReturnsItsPrice(string model)
    {
        Assert.Equal(new ModelPrice(0.15m, 0.075m, 0.60m), PriceTable.Default.For(model));
        Assert.True(PriceTable.Default.Knows(model));
    }

    [Fact]
    public void For_UnknownModel_ThrowsNamingTheModel()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => PriceTable.Default.For("gpt-9-ultra"));

        Assert.Contains("'gpt-9-ultra'", ex.Message, StringComparison.Ordinal);
        Assert.False(PriceTable.Default.Knows("gpt-9-ultra"));
    }

    [Fact]
    public void Constructor_CustomPrices_UsesThemCaseInsensitively()
    {
        var table = new PriceTable(new Dictionary<string, ModelPrice> { ["my-deployment"] = new(1m, 0.5m, 4m) }, new DateOnly(2026, 1, 1));

        Assert.Equal(4m, table.For("MY-DEPLOYMENT").OutputPerMillion);
        Assert.False(table.Knows("gpt-4o"));
    }
}
