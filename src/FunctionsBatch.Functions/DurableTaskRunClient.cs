using FunctionsBatch.Core.Runs;
using FunctionsBatch.Http.Api;
using FunctionsBatch.Orchestration;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionsBatch.Functions;

/// <summary><see cref="IRunClient"/> over the Functions durable client binding.</summary>
public sealed class DurableTaskRunClient(DurableTaskClient client) : IRunClient
{
    public const string CancelPayload = "requested";

    public async Task<bool> StartAsync(RunInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);

        // The check matters: the default Functions dedupe only refuses ids of *running* instances and would
        // silently restart a completed run with the same id.
        if (await client.GetInstanceAsync(input.RunId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(BatchRunOrchestrator), input, new StartOrchestrationOptions(input.RunId), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            // Lost a race with another starter (e.g. a double timer fire) between the check and the schedule.
            return false;
        }
    }

    public async Task<RunState?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        var metadata = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (metadata is null)
        {
            return null;
        }

        return new RunState(
            metadata.InstanceId,
            StatusName(metadata.RuntimeStatus),
            metadata.CreatedAt.UtcDateTime,
            metadata.LastUpdatedAt.UtcDateTime,
            metadata.SerializedCustomStatus is null ? null : metadata.ReadCustomStatusAs<RunProgress>(),
            metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed && metadata.SerializedOutput is not null
                ? metadata.ReadOutputAs<RunSummary>()
                : null,
            metadata.FailureDetails?.ErrorMessage);
    }

    public Task RequestCancelAsync(string runId, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(runId, RunEvents.Cancel, CancelPayload, cancellationToken);

    public static string StatusName(OrchestrationRuntimeStatus status) => status switch
    {
        OrchestrationRuntimeStatus.Pending => RuntimeStatusNames.Pending,
        OrchestrationRuntimeStatus.Running => RuntimeStatusNames.Running,
        OrchestrationRuntimeStatus.Completed => RuntimeStatusNames.Completed,
        OrchestrationRuntimeStatus.Failed => RuntimeStatusNames.Failed,
        OrchestrationRuntimeStatus.Terminated => RuntimeStatusNames.Terminated,
        OrchestrationRuntimeStatus.Suspended => RuntimeStatusNames.Suspended,
        _ => status.ToString(),
    };
}
