using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.LocalHost.Durable;

/// <summary>Builds the Azure Storage task hub service the worker and the client share.</summary>
public static class TaskHubServiceFactory
{
    public static AzureStorageOrchestrationService Create(DurableTaskHostOptions options, string storageConnectionString, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AzureStorageOrchestrationService(new AzureStorageOrchestrationServiceSettings
        {
            StorageAccountClientProvider = new StorageAccountClientProvider(storageConnectionString),
            TaskHubName = options.HubName,
            WorkerId = options.EffectiveWorkerId,
            PartitionCount = options.PartitionCount,
            ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(options.ControlQueueVisibilityTimeoutSeconds),
            WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(options.WorkItemQueueVisibilityTimeoutSeconds),
            LeaseInterval = TimeSpan.FromSeconds(options.LeaseIntervalSeconds),
            LeaseRenewInterval = TimeSpan.FromSeconds(options.LeaseRenewIntervalSeconds),
            LeaseAcquireInterval = TimeSpan.FromSeconds(options.LeaseAcquireIntervalSeconds),
            MaxQueuePollingInterval = TimeSpan.FromSeconds(options.MaxQueuePollingIntervalSeconds),
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            ExtendedSessionsEnabled = options.ExtendedSessionsEnabled,
            ExtendedSessionIdleTimeout = TimeSpan.FromSeconds(options.ExtendedSessionIdleTimeoutSeconds),

            // Lets the client tell "already exists" apart from "created" instead of silently doing nothing.
            ThrowExceptionOnInvalidDedupeStatus = true,
            LoggerFactory = loggerFactory,
        });
    }
}
