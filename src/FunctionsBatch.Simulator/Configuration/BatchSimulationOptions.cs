namespace FunctionsBatch.Simulator.Configuration;

/// <summary>
/// The <c>Simulator:Batch</c> section: how the Files and Batches endpoints behave. A line with <see cref="FailMarker"/>
/// (or chosen by <see cref="LineFailRate"/>) fails, one with <see cref="ExpireMarker"/> (or <see cref="LineExpireRate"/>)
/// expires, only the first time its content goes through a batch, so a resubmission succeeds.
/// </summary>
public sealed class BatchSimulationOptions
{
    /// <summary>How long a batch stays validating.</summary>
    public int ValidationDelayMs { get; set; } = 200;

    /// <summary>How long after its creation a batch finishes.</summary>
    public int CompletionDelayMs { get; set; } = 2_000;

    public double LineFailRate { get; set; }

    public double LineExpireRate { get; set; }

    public string FailMarker { get; set; } = "[[BATCH-FAIL]]";

    public string ExpireMarker { get; set; } = "[[BATCH-EXPIRE]]";

    /// <summary>Enqueued prompt tokens a deployment may hold in unfinished batches; 0 means unlimited.</summary>
    public long DefaultEnqueuedTokenLimit { get; set; }

    public Dictionary<string, long> EnqueuedTokenLimits { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public long EnqueuedTokenLimitFor(string deployment) =>
        EnqueuedTokenLimits.TryGetValue(deployment, out var limit) ? limit : DefaultEnqueuedTokenLimit;
}
