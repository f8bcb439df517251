namespace FunctionsBatch.Core.Throttling;

/// <summary>The controller's constants; the defaults are what the benchmarks were run with.</summary>
/// <param name="Decrease">The factor a 429 cuts the admitted rate by (once per burst of 429s).</param>
/// <param name="DecreaseUnderCeiling">The gentler cut when a quota is known: the 429 came from timing, not from a wrong estimate.</param>
/// <param name="IncreasePerSecond">How fast the rate climbs back after a clean second, as a share of itself.</param>
/// <param name="BurstSeconds">How many seconds of the admitted rate may be spent at once without headers that say more is free.</param>
/// <param name="DefaultPauseSeconds">How long a 429 without <c>retry-after-ms</c>/<c>Retry-After</c> pauses admission.</param>
/// <param name="CeilingUse">
/// The share of a known quota paced to. 1: the room the remaining headers keep below what the service reports free
/// (two calls) is what keeps calls that bunch up inside a sliding window.
/// </param>
public sealed record RateControlOptions(
    double Decrease = 0.85,
    double DecreaseUnderCeiling = 0.95,
    double IncreasePerSecond = 0.01,
    double BurstSeconds = 1,
    double DefaultPauseSeconds = 1,
    double CeilingUse = 1.0)
{
    public static RateControlOptions Default { get; } = new();
}
