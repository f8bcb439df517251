namespace FunctionsBatch.Core.Throttling;

/// <summary>The controller's constants; the defaults are what the benchmarks were run with.</summary>
/// <param name="Decrease">The factor a 429 cuts the admitted rate by (once per burst of 429s).</param>
/// <param name="DecreaseUnderCeiling">The gentler cut when a quota is known: the 429 came from timing, not from a wrong estimate.</param>
/// <param name="IncreasePerSecond">How fast the rate climbs back after a clean second, as a share of itself.</param>
/// <param name="BurstSeconds">How many seconds of the admitted rate may be spent at once without headers that say more is free.</param>
/// <param name="DefaultPauseSeconds">How long a 429 without <c>retry-after-ms</c>/<c>Retry-After</c> pauses admission.</param>
/// <param name="CeilingUse">
/// The share of a known quota paced to: a client sending exactly at the limit of a sliding window is refused whenever
/// its calls bunch up and no <c>remaining</c> header says so (a gateway may strip them); the headers, where there are
/// any, set what is spent.
/// </param>
public sealed record RateControlOptions(
    double Decrease = 0.85,
    double DecreaseUnderCeiling = 0.95,
    double IncreasePerSecond = 0.01,
    double BurstSeconds = 1,
    double DefaultPauseSeconds = 1,
    double CeilingUse = 0.99)
{
    public static RateControlOptions Default { get; } = new();
}
