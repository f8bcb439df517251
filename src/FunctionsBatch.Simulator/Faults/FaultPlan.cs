namespace FunctionsBatch.Simulator.Faults;

/// <summary>What to do wrong with one request, decided when it arrives.</summary>
public sealed record FaultPlan
{
    public static readonly FaultPlan None = new();

    /// <summary>Which attempt of this content the request is (1 = first); 0 when attempts are not being counted.</summary>
    public int Attempt { get; init; }

    /// <summary>Wait this long, then go on with the rest of the plan.</summary>
    public int? SlowMs { get; init; }

    /// <summary>Answer 429 with this retry-after-ms, whatever the buckets hold.</summary>
    public int? ThrottleRetryAfterMs { get; init; }

    /// <summary>Answer with this 5xx status.</summary>
    public int? ServerErrorStatus { get; init; }

    /// <summary>Abort the connection once the model has answered (the answer is billed, never delivered).</summary>
    public bool Reset { get; init; }

    /// <summary>Answer 200 with the body cut in half (billed).</summary>
    public bool Truncate { get; init; }

    /// <summary>Answer 200 with <c>usage</c> but no <c>choices</c> (billed).</summary>
    public bool NoChoices { get; init; }

    /// <summary>Refuse with 400 content_filter.</summary>
    public bool ContentFilter { get; init; }

    /// <summary>Break the response schema in a json_schema answer.</summary>
    public bool ViolateSchema { get; init; }

    /// <summary>Break the response schema while this key (the first user message) has had fewer such answers than allowed.</summary>
    public string? ViolateSchemaOnceKey { get; init; }
}
