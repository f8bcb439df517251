using System.Text.Json.Serialization;

namespace FunctionsBatch.Simulator.Configuration;

/// <summary>
/// The effective fault settings of one deployment. Rates are shares of request contents in [0, 1]; the rated
/// kinds are disjoint bands of one roll, so their sum must not exceed 1.
/// </summary>
public sealed record FaultPolicy
{
    public static readonly FaultPolicy Defaults = new();

    public double ThrottleRate { get; init; }

    public bool ThrottleAll { get; init; }

    public int RetryAfterMs { get; init; } = 200;

    public double ServerErrorRate { get; init; }

    /// <summary>500 to 599; 0 alternates 500 and 503.</summary>
    public int ServerErrorStatus { get; init; }

    public double ResetRate { get; init; }

    public double SlowRate { get; init; }

    public int SlowMs { get; init; } = 65_000;

    public double TruncatedRate { get; init; }

    public double SchemaViolationRate { get; init; }

    public int FailFirstAttempts { get; init; } = 1;

    public bool RatePerAttempt { get; init; }

    public string ContentFilterMarker { get; init; } = "[[BLOCK]]";

    public string SchemaViolationMarker { get; init; } = "[[BADJSON]]";

    public string SchemaViolationOnceMarker { get; init; } = "[[BADJSON-ONCE]]";

    public string ThrottleOnceMarker { get; init; } = "[[THROTTLE-ONCE]]";

    public string ServerErrorOnceMarker { get; init; } = "[[FAIL-ONCE]]";

    public string ResetOnceMarker { get; init; } = "[[RESET-ONCE]]";

    public string TruncatedOnceMarker { get; init; } = "[[TRUNCATE-ONCE]]";

    public string SlowOnceMarker { get; init; } = "[[SLOW-ONCE]]";

    public string NoChoicesOnceMarker { get; init; } = "[[NO-CHOICES-ONCE]]";

    /// <summary>True when some rate is set, so attempts per content must be counted.</summary>
    [JsonIgnore]
    public bool HasRates => TotalRate > 0;

    [JsonIgnore]
    public double TotalRate => ThrottleRate + ServerErrorRate + ResetRate + SlowRate + TruncatedRate + SchemaViolationRate;

    /// <summary>The markers whose faults last only the first <see cref="FailFirstAttempts"/> attempts.</summary>
    [JsonIgnore]
    public IEnumerable<string> TransientMarkers =>
        new[] { ThrottleOnceMarker, ServerErrorOnceMarker, ResetOnceMarker, TruncatedOnceMarker, SlowOnceMarker, NoChoicesOnceMarker }.Where(m => m.Length > 0);

    /// <summary>This policy with the fields <paramref name="overrides"/> sets replaced.</summary>
    public FaultPolicy With(FaultConfig? overrides) => overrides is not { } o ? this : new FaultPolicy
    {
        ThrottleRate = o.ThrottleRate ?? ThrottleRate,
        ThrottleAll = o.ThrottleAll ?? ThrottleAll,
        RetryAfterMs = o.RetryAfterMs ?? RetryAfterMs,
        ServerErrorRate = o.ServerErrorRate ?? ServerErrorRate,
        ServerErrorStatus = o.ServerErrorStatus ?? ServerErrorStatus,
        ResetRate = o.ResetRate ?? ResetRate,
        SlowRate = o.SlowRate ?? SlowRate,
        SlowMs = o.SlowMs ?? SlowMs,
        TruncatedRate = o.TruncatedRate ?? TruncatedRate,
        SchemaViolationRate = o.SchemaViolationRate ?? SchemaViolationRate,
        FailFirstAttempts = o.FailFirstAttempts ?? FailFirstAttempts,
        RatePerAttempt = o.RatePerAttempt ?? RatePerAttempt,
        ContentFilterMarker = o.ContentFilterMarker ?? ContentFilterMarker,
        SchemaViolationMarker = o.SchemaViolationMarker ?? SchemaViolationMarker,
        SchemaViolationOnceMarker = o.SchemaViolationOnceMarker ?? SchemaViolationOnceMarker,
        ThrottleOnceMarker = o.ThrottleOnceMarker ?? ThrottleOnceMarker,
        ServerErrorOnceMarker = o.ServerErrorOnceMarker ?? ServerErrorOnceMarker,
        ResetOnceMarker = o.ResetOnceMarker ?? ResetOnceMarker,
        TruncatedOnceMarker = o.TruncatedOnceMarker ?? TruncatedOnceMarker,
        SlowOnceMarker = o.SlowOnceMarker ?? SlowOnceMarker,
        NoChoicesOnceMarker = o.NoChoicesOnceMarker ?? NoChoicesOnceMarker,
    };

    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate(string scope)
    {
        Rate(ThrottleRate, scope, nameof(ThrottleRate));
        Rate(ServerErrorRate, scope, nameof(ServerErrorRate));
        Rate(ResetRate, scope, nameof(ResetRate));
        Rate(SlowRate, scope, nameof(SlowRate));
        Rate(TruncatedRate, scope, nameof(TruncatedRate));
        Rate(SchemaViolationRate, scope, nameof(SchemaViolationRate));
        if (TotalRate > 1 + 1e-9)
        {
            throw new ArgumentException($"{scope}: the fault rates add up to more than 1.", scope);
        }

        if (RetryAfterMs < 0)
        {
            throw new ArgumentException($"{scope}:{nameof(RetryAfterMs)} must not be negative.", scope);
        }

        if (SlowMs < 0)
        {
            throw new ArgumentException($"{scope}:{nameof(SlowMs)} must not be negative.", scope);
        }

        if (ServerErrorStatus != 0 && ServerErrorStatus is < 500 or > 599)
        {
            throw new ArgumentException($"{scope}:{nameof(ServerErrorStatus)} must be 0 (alternate 500/503) or 500 to 599.", scope);
        }

        if (FailFirstAttempts < 1)
        {
            throw new ArgumentException($"{scope}:{nameof(FailFirstAttempts)} must be at least 1.", scope);
        }
    }

    private static void Rate(double value, string scope, string name)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentException($"{scope}:{name} must be between 0 and 1.", scope);
        }
    }
}
