namespace FunctionsBatch.Azure.Intake;

/// <summary>How a run drains its intake queue (<c>FunctionsBatch__Intake__*</c>).</summary>
public sealed class IntakeSettings
{
    public const string Section = "FunctionsBatch:Intake";

    /// <summary>Messages received, logged in one append and then deleted, per round trip (1-32, the queue service's limit).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>
    /// How long a received message stays hidden. A drain that dies before logging a message leaves it hidden this
    /// long; the re-executed drain waits for such messages to come back, so this also bounds that wait.
    /// </summary>
    public int VisibilityTimeoutSeconds { get; set; } = 300;

    /// <summary>A pause after each batch. Zero in production; tests slow the drain with it to kill a host mid-drain.</summary>
    public int BatchDelayMilliseconds { get; set; }
}
