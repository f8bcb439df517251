using Microsoft.Extensions.Options;

namespace FunctionsBatch.LocalHost.Durable;

public sealed class DurableTaskHostOptionsValidator : IValidateOptions<DurableTaskHostOptions>
{
    public ValidateOptionsResult Validate(string? name, DurableTaskHostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        if (!DurableTaskHostOptions.IsValidHubName(options.HubName))
        {
            problems.Add($"DurableTask:HubName '{options.HubName}' must start with a letter and be 3-45 letters or digits (no dashes or underscores)");
        }

        if (options.PartitionCount is < 1 or > 16)
        {
            problems.Add("DurableTask:PartitionCount must be from 1 to 16");
        }

        if (options.MaxConcurrentActivities < 1 || options.MaxConcurrentOrchestrations < 1)
        {
            problems.Add("DurableTask:MaxConcurrentActivities and MaxConcurrentOrchestrations must be at least 1");
        }

        double[] seconds =
        [
            options.ControlQueueVisibilityTimeoutSeconds, options.WorkItemQueueVisibilityTimeoutSeconds,
            options.LeaseIntervalSeconds, options.LeaseRenewIntervalSeconds, options.LeaseAcquireIntervalSeconds,
            options.MaxQueuePollingIntervalSeconds, options.ExtendedSessionIdleTimeoutSeconds,
        ];
        if (seconds.Any(s => s <= 0))
        {
            problems.Add("DurableTask timeouts and intervals (…Seconds) must be greater than 0");
        }

        if (options.LeaseRenewIntervalSeconds >= options.LeaseIntervalSeconds)
        {
            problems.Add("DurableTask:LeaseRenewIntervalSeconds must be shorter than LeaseIntervalSeconds");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
