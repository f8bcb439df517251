namespace FunctionsBatch.Core.Pricing;

/// <summary>Prices per model (deployment or model name, case-insensitive), with the date they were read.</summary>
public sealed class PriceTable
{
    public PriceTable(IReadOnlyDictionary<string, ModelPrice> prices, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(prices);
        Prices = new Dictionary<string, ModelPrice>(prices, StringComparer.OrdinalIgnoreCase);
        AsOf = asOf;
    }

    public IReadOnlyDictionary<string, ModelPrice> Prices { get; }

    public DateOnly AsOf { get; }

    /// <summary>Azure OpenAI global standard list prices (USD per 1M tokens) as of the date given.</summary>
    public static PriceTable Default { get; } = new(
        new Dictionary<string, ModelPrice>
        {
            ["gpt-4o"] = new(2.50m, 1.25m, 10.00m),
            ["gpt-4o-mini"] = new(0.15m, 0.075m, 0.60m),
            ["gpt-4.1"] = new(2.00m, 0.50m, 8.00m),
            ["gpt-4.1-mini"] = new(0.40m, 0.10m, 1.60m),
            ["gpt-4.1-nano"] = new(0.10m, 0.025m, 0.40m),
        },
        new DateOnly(2026, 11, 1));

    public ModelPrice For(string model) =>
        Prices.TryGetValue(model, out var price)
            ? price
            : throw new KeyNotFoundException($"No price configured for model '{model}'. Add it under FunctionsBatch:Prices.");

    public bool Knows(string model) => Prices.ContainsKey(model);
}
