using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Core.Tests.Pricing;

public sealed class CostCalculatorTests
{
    [Fact]
    public void MicroDollars_GptFourOMiniWithCachedTokens_PricesCachedPromptTokensAtTheCachedRate()
    {
        // gpt-4o-mini: $0.15 input, $0.075 cached input, $0.60 output per 1M tokens, so micro-dollars = tokens × price.
        // 800,000 uncached × 0.15 = 120,000; 200,000 cached × 0.075 = 15,000; 500,000 out × 0.60 = 300,000.
        // Total 435,000 µ$ = $0.435.
        var usage = new TokenUsage(PromptTokens: 1_000_000, CachedTokens: 200_000, CompletionTokens: 500_000);

        var cost = CostCalculator.MicroDollars(usage, PriceTable.Default.For("gpt-4o-mini"));

        Assert.Equal(435_000, cost);
        Assert.Equal(0.435m, CostCalculator.ToDollars(cost));
    }

    [Theory]
    // gpt-4o input is $2.50/1M: 1 token = 2.5 µ$ → 3 (half away from zero; banker's rounding would give 2).
    [InlineData("gpt-4o", 1, 0, 0, 3)]
    // 3 gpt-4o-mini prompt tokens = 0.45 µ$ → 0.
    [InlineData("gpt-4o-mini", 3, 0, 0, 0)]
    // 10 gpt-4o-mini prompt tokens = 1.5 µ$ → 2.
    [InlineData("gpt-4o-mini", 10, 0, 0, 2)]
    // Rounded once, on the exact total: 3 uncached × 0.15 = 0.45 plus 6 cached × 0.075 = 0.45 → 0.9 → 1
    // (rounding each part first would give 0 + 0 = 0).
    [InlineData("gpt-4o-mini", 9, 6, 0, 1)]
    // 30 × 0.15 = 4.5 plus 30 × 0.60 = 18 → 22.5 → 23.
    [InlineData("gpt-4o-mini", 30, 0, 30, 23)]
    // gpt-4.1-nano cached input is $0.025/1M: 20 cached = 0.5 µ$, plus 1 output token = 0.4 µ$ → 0.9 → 1.
    [InlineData("gpt-4.1-nano", 20, 20, 1, 1)]
    [InlineData("gpt-4.1", 0, 0, 0, 0)]
    public void MicroDollars_SmallUsage_RoundsTheExactTotalHalfAwayFromZero(string model, long prompt, long cached, long completion, long expected)
    {
        var cost = CostCalculator.MicroDollars(new TokenUsage(prompt, cached, completion), PriceTable.Default.For(model));

        Assert.Equal(expected, cost);
    }

    [Fact]
    public void MicroDollars_BillionsOfTokens_StaysExactWithoutOverflow()
    {
        // 10 billion gpt-4o prompt tokens × $2.50 per million = 25,000,000,000 µ$ = $25,000.
        var usage = new TokenUsage(PromptTokens: 10_000_000_000, CachedTokens: 0, CompletionTokens: 0);

        var cost = CostCalculator.MicroDollars(usage, PriceTable.Default.For("gpt-4o"));

        Assert.Equal(25_000_000_000, cost);
        Assert.Equal(25_000m, CostCalculator.ToDollars(cost));
    }
}
