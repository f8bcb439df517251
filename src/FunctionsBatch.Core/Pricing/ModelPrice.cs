namespace FunctionsBatch.Core.Pricing;

/// <summary>Prices in US dollars per one million tokens.</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal CachedInputPerMillion, decimal OutputPerMillion)
{
    /// <summary>Every price times <paramref name="factor"/> (0.5 for the Batch API's half price).</summary>
    public ModelPrice Times(decimal factor) => new(InputPerMillion * factor, CachedInputPerMillion * factor, OutputPerMillion * factor);
}
