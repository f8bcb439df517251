using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Core.Pricing;

/// <summary>
/// Money is kept as micro-dollars in a <see cref="long"/>. With prices per million tokens, micro-dollars are
/// simply tokens × price, so the only rounding is the final one.
/// </summary>
public static class CostCalculator
{
    /// <summary>What the tokens are billed at this price: cached prompt tokens at the cached price.</summary>
    public static long MicroDollars(TokenUsage usage, ModelPrice price)
    {
        ArgumentNullException.ThrowIfNull(price);
        var uncachedInput = usage.PromptTokens - usage.CachedTokens;
        var exact = (uncachedInput * price.InputPerMillion)
                    + (usage.CachedTokens * price.CachedInputPerMillion)
                    + (usage.CompletionTokens * price.OutputPerMillion);
        return (long)decimal.Round(exact, MidpointRounding.AwayFromZero);
    }

    /// <summary>What the tokens cost at the list price with no discount: every prompt token at the input price.</summary>
    public static long ListMicroDollars(TokenUsage usage, ModelPrice listPrice) =>
        MicroDollars(usage with { CachedTokens = 0 }, listPrice);

    public static decimal ToDollars(long microDollars) => microDollars / 1_000_000m;
}
