using DurableTask.Core;
using DurableTask.Core.Exceptions;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Http.Api;
using FunctionsBatch.Orchestration;

namespace FunctionsBatch.LocalHost.Durable;

/// <summary><see cref="IRunClient"/> over DurableTask.Core's <see cref="TaskHubClient"/>.</summary>
public sealed class TaskHubRunClient(TaskHubClient client) : IRunClient
{
    public const string CancelPayload = "requested";

    private static readonly OrchestrationStatus[] AnyStatus = Enum.GetValues<OrchestrationStatus>();
    private static readonly SystemTextJsonDataConverter Json = SystemTextJsonDataConverter.Instance;

    public async Task<bool> StartAsync(RunInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        OrchestrationInstance created;
        try
        {
            created = await client.CreateOrchestrationInstanceAsync(
                nameof(BatchRunOrchestrator), string.Empty, input.RunId, input, tags: null, dedupeStatuses: AnyStatus).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }

        // Two starters racing past the dedupe check both get an instance back, but only one execution id is
        // recorded; the loser's start message is dropped by the worker.
        var state = await client.GetOrchestrationStateAsync(input.RunId).WaitAsync(cancellationToken).ConfigureAwait(false);
        return state is null || state.OrchestrationInstance.ExecutionId == created.ExecutionId;
    }

    public async Task<RunState?> GetAsync(string runId, CancellationToken cancellationToken)
    {
        var state = await client.GetOrchestrationStateAsync(runId).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return null;
        }

        var status = StatusName(state.OrchestrationStatus);
        return new RunState(
            state.OrchestrationInstance.InstanceId,
            status,
            DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc),
            DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc),
            string.IsNullOrEmpty(state.Status) ? null : Json.Read<RunProgress>(state.Status),
            status == RuntimeStatusNames.Completed && !string.IsNullOrEmpty(state.Output) ? Json.Read<RunSummary>(state.Output) : null,
            status == RuntimeStatusNames.Failed ? state.FailureDetails?.ErrorMessage ?? FailureMessageFromOutput(state.Output) : null);
    }

    public Task RequestCancelAsync(string runId, CancellationToken cancellationToken) =>
        client.RaiseEventAsync(new OrchestrationInstance { InstanceId = runId }, RunEvents.Cancel, CancelPayload).WaitAsync(cancellationToken);

    /// <summary>
    /// The Azure Storage provider keeps no failure details in the instances table: it stores them as the output,
    /// formatted "{ErrorType}: {ErrorMessage}". The message alone is what the Functions app reports.
    /// </summary>
    public static string? FailureMessageFromOutput(string? output)
    {
        var separator = output?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        return separator > 0 && !output![..separator].Any(char.IsWhiteSpace) ? output[(separator + 2)..] : output;
    }

    public static string StatusName(OrchestrationStatus status) => status switch
    {
        OrchestrationStatus.Pending => RuntimeStatusNames.Pending,
        OrchestrationStatus.Running or OrchestrationStatus.ContinuedAsNew => RuntimeStatusNames.Running,
        OrchestrationStatus.Completed => RuntimeStatusNames.Completed,
        OrchestrationStatus.Failed => RuntimeStatusNames.Failed,
        OrchestrationStatus.Terminated or OrchestrationStatus.Canceled => RuntimeStatusNames.Terminated,
        OrchestrationStatus.Suspended => RuntimeStatusNames.Suspended,
        _ => status.ToString(),
    };
}
