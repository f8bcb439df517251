using System.Text.RegularExpressions;

namespace FunctionsBatch.LocalHost.Durable;

/// <summary>
/// The Durable Task engine settings (section <c>DurableTask</c>, e.g. <c>DurableTask__HubName</c>).
/// Defaults are the production values of the Azure Storage provider; tests lower the timeouts so a killed
/// worker's messages and partitions come back in seconds instead of minutes.
/// </summary>
public sealed partial class DurableTaskHostOptions
{
    public const string Section = "DurableTask";

    /// <summary>Task hub name: a letter, then letters and digits only (3–45 characters).</summary>
    public string HubName { get; set; } = "FunctionsBatchLocal";

    /// <summary>Must be unique per process: two workers with the same id both claim every partition.</summary>
    public string? WorkerId { get; set; }

    public int PartitionCount { get; set; } = 4;

    public double ControlQueueVisibilityTimeoutSeconds { get; set; } = 300;

    public double WorkItemQueueVisibilityTimeoutSeconds { get; set; } = 300;

    public double LeaseIntervalSeconds { get; set; } = 30;

    public double LeaseRenewIntervalSeconds { get; set; } = 10;

    public double LeaseAcquireIntervalSeconds { get; set; } = 10;

    public double MaxQueuePollingIntervalSeconds { get; set; } = 30;

    public int MaxConcurrentActivities { get; set; } = 100;

    public int MaxConcurrentOrchestrations { get; set; } = 100;

    public bool ExtendedSessionsEnabled { get; set; } = true;

    public double ExtendedSessionIdleTimeoutSeconds { get; set; } = 30;

    public string EffectiveWorkerId =>
        string.IsNullOrWhiteSpace(WorkerId) ? $"{Environment.MachineName}-{Environment.ProcessId}" : WorkerId;

    public static bool IsValidHubName(string? name) => name is not null && HubNamePattern().IsMatch(name);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    private static partial Regex HubNamePattern();
}
