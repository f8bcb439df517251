using System.Text.Json.Serialization;

namespace FunctionsBatch.Simulator.Configuration;

/// <summary>
/// Fault settings as written in configuration (<c>Simulator:Faults</c>, <c>Simulator:Deployments:{name}:Faults</c>)
/// or posted to <c>/sim/config</c>: every field is optional and overrides the level below it
/// (<see cref="FaultPolicy.Defaults"/>, then the simulator-wide faults, then the deployment's).
/// </summary>
public sealed record FaultConfig
{
    /// <summary>Share of request contents answered 429 (with <see cref="RetryAfterMs"/>) whatever the token bucket says.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ThrottleRate { get; init; }

    /// <summary>A 429 storm: every request is answered 429.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? ThrottleAll { get; init; }

    /// <summary>The retry-after-ms of an injected 429; Retry-After is the same rounded up to whole seconds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? RetryAfterMs { get; init; }

    /// <summary>Share of request contents answered with a 5xx.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ServerErrorRate { get; init; }

    /// <summary>The status of an injected server error, 500 to 599; 0 alternates 500 and 503.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ServerErrorStatus { get; init; }

    /// <summary>Share of request contents whose connection is aborted without an answer.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? ResetRate { get; init; }

    /// <summary>Share of request contents answered only after <see cref="SlowMs"/>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SlowRate { get; init; }

    /// <summary>How long a slow request waits before it is processed as usual.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SlowMs { get; init; }

    /// <summary>Share of request contents answered 200 with the JSON body cut in half.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? TruncatedRate { get; init; }

    /// <summary>Share of json_schema request contents answered with JSON that breaks the schema.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? SchemaViolationRate { get; init; }

    /// <summary>How many attempts of a content a transient fault (rate-chosen or a -ONCE marker) fails before it succeeds.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? FailFirstAttempts { get; init; }

    /// <summary>Roll the rates afresh for every attempt instead of choosing contents that fail their first attempts.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? RatePerAttempt { get; init; }

    /// <summary>Messages containing this are refused with 400 content_filter on every attempt; empty disables it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ContentFilterMarker { get; init; }

    /// <summary>json_schema answers to messages containing this break the schema on every attempt.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SchemaViolationMarker { get; init; }

    /// <summary>json_schema answers break the schema for the first served answers to the same first user message.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SchemaViolationOnceMarker { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ThrottleOnceMarker { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ServerErrorOnceMarker { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ResetOnceMarker { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? TruncatedOnceMarker { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SlowOnceMarker { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? NoChoicesOnceMarker { get; init; }
}
