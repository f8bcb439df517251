using DurableTask.AzureStorage;
using DurableTask.Core;
using FunctionsBatch.Orchestration;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Options;

namespace FunctionsBatch.LocalHost.Durable;

/// <summary>
/// Runs the registered orchestrators and activities on a DurableTask.Core <see cref="TaskHubWorker"/>.
/// Starts in the background, retrying until storage answers, so the host (and <c>/healthz</c>) is up even
/// when Azurite comes up a moment later.
/// </summary>
public sealed partial class DurableWorkerService(
    AzureStorageOrchestrationService service,
    IServiceProvider services,
    IOptions<DurableTaskHostOptions> options,
    ILoggerFactory loggerFactory,
    TimeProvider time,
    ILogger<DurableWorkerService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private TaskHubWorker? worker;
    private volatile bool started;

    public bool IsStarted => started;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await EnsureTaskHubAsync(stoppingToken).ConfigureAwait(false);
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions(), loggerFactory);
        var hubWorker = new TaskHubWorker(service, loggerFactory)
        {
            // Failure details are what the shims translate to and from Microsoft.DurableTask's TaskFailedException.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        hubWorker.AddTaskOrchestrations(FunctionsBatchTasks.Orchestrators.Select(t => (ObjectCreator<TaskOrchestration>)new OrchestratorCreator(t, services, shims)).ToArray());
        hubWorker.AddTaskActivities(FunctionsBatchTasks.Activities.Select(t => (ObjectCreator<TaskActivity>)new ActivityCreator(t, services, shims)).ToArray());
        stoppingToken.ThrowIfCancellationRequested();
        await hubWorker.StartAsync().ConfigureAwait(false);
        worker = hubWorker;
        started = true;
        var settings = options.Value;
        LogWorkerStarted(settings.HubName, settings.EffectiveWorkerId, settings.PartitionCount, FunctionsBatchTasks.Orchestrators.Count, FunctionsBatchTasks.Activities.Count);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (worker is null)
        {
            return;
        }

        started = false;
        var stopwatch = time.GetTimestamp();
        try
        {
            await worker.StopAsync(isForced: false).WaitAsync(cancellationToken).ConfigureAwait(false);
            LogWorkerStopped(time.GetElapsedTime(stopwatch).TotalMilliseconds);
        }
        catch (OperationCanceledException)
        {
            LogWorkerStopTimedOut();
        }
        finally
        {
            worker.Dispose();
            worker = null;
        }
    }

    private async Task EnsureTaskHubAsync(CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await service.CreateIfNotExistsAsync().WaitAsync(stoppingToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogTaskHubUnavailable(attempt, ex.GetType().Name, ex.Message);
                await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable worker started: task hub {HubName}, worker {WorkerId}, {Partitions} partitions, {Orchestrators} orchestrators, {Activities} activities")]
    private partial void LogWorkerStarted(string hubName, string workerId, int partitions, int orchestrators, int activities);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable worker stopped in {ElapsedMs:0} ms")]
    private partial void LogWorkerStopped(double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable worker did not stop within the shutdown timeout; in-flight work items will be retried after their visibility timeout")]
    private partial void LogWorkerStopTimedOut();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Task hub not reachable yet (attempt {Attempt}): {ErrorType}: {Error}; retrying")]
    private partial void LogTaskHubUnavailable(int attempt, string errorType, string error);
}
