using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Http.Api;

/// <summary>
/// The durable client as the HTTP and timer triggers need it. The Functions app implements it over
/// <c>DurableTaskClient</c>, the local host over DurableTask.Core's <c>TaskHubClient</c>.
/// </summary>
public interface IRunClient
{
    /// <summary>Schedules <see cref="BatchRunOrchestrator"/> with the run id as instance id; false if that instance already exists.</summary>
    Task<bool> StartAsync(RunInput input, CancellationToken cancellationToken);

    Task<RunState?> GetAsync(string runId, CancellationToken cancellationToken);

    /// <summary>Raises <see cref="RunEvents.Cancel"/> on the run.</summary>
    Task RequestCancelAsync(string runId, CancellationToken cancellationToken);
}
