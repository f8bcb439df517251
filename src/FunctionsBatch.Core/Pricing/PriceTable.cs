using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Pricing;

/// <summary>
/// Prices per model (deployment or model name, case-insensitive), with the date they were read. Batch API
/// (Global Batch) prices are the list prices times <see cref="BatchDiscount"/> unless a model has its own.
/// </summary>
public sealed class PriceTable
{
    public const decimal DefaultBatchDiscount = 0.5m;

    public PriceTable(
        IReadOnlyDictionary<string, ModelPrice> prices,
        DateOnly asOf,
        decimal batchDiscount = DefaultBatchDiscount,
        IReadOnlyDictionary<string, ModelPrice>? batchPrices = null)
    {
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchDiscount);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batchDiscount, 1m);
        Prices = new Dictionary<string, ModelPrice>(prices, StringComparer.OrdinalIgnoreCase);
        BatchPrices = new Dictionary<string, ModelPrice>(batchPrices ?? new Dictionary<string, ModelPrice>(), StringComparer.OrdinalIgnoreCase);
        AsOf = asOf;
        BatchDiscount = batchDiscount;
    }

    public IReadOnlyDictionary<string, ModelPrice> Prices { get; }

    /// <summary>Batch prices set explicitly per model; the others are derived from <see cref="BatchDiscount"/>.</summary>
    public IReadOnlyDictionary<string, ModelPrice> BatchPrices { get; }

    public DateOnly AsOf { get; }

    /// <summary>The Batch API price as a share of the list price (0.5: Global Batch is billed at 50 %).</summary>
    public decimal BatchDiscount { get; }

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

    /// <summary>The price a mode is billed at: the list price online, the batch price through the Batch API.</summary>
    public ModelPrice For(string model, string mode) =>
        mode == RunModes.Batch
            ? BatchPrices.TryGetValue(model, out var batch) ? batch : For(model).Times(BatchDiscount)
            : For(model);

    /// <summary>
    /// The counters with their cost: billed at the mode's price (cached prompt tokens at the cached price) and at the
    /// undiscounted list price. The one place tokens become money.
    /// </summary>
    public RunCounters Price(RunCounters counters, string model, string mode)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return counters with
        {
            CostMicros = CostCalculator.MicroDollars(counters.Usage, For(model, mode)),
            ListCostMicros = CostCalculator.ListMicroDollars(counters.Usage, For(model)),
        };
    }

    /// <summary>Each mode priced at its own price.</summary>
    public ModeCounters Price(ModeCounters counters, string model)
    {
        ArgumentNullException.ThrowIfNull(counters);
        return new(Price(counters.Online, model, RunModes.Online), Price(counters.Batch, model, RunModes.Batch));
    }

    public bool Knows(string model) => Prices.ContainsKey(model);
}
