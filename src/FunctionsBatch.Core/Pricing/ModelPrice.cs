namespace FunctionsBatch.Core.Pricing;

/// <summary>List prices in US dollars per one million tokens.</summary>
public sealed record ModelPrice(decimal InputPerMillion, decimal CachedInputPerMillion, decimal OutputPerMillion);
