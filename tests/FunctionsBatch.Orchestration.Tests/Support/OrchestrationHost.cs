using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Activities;
using FunctionsBatch.Orchestration.Batch;
using FunctionsBatch.Orchestration.Processing;
using FunctionsBatch.Orchestration.Tests.Fakes;
using FunctionsBatch.TestSupport;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.Orchestration.Tests.Support;

/// <summary>
/// <see cref="BatchRunOrchestrator"/>, its sub-orchestrations and its activities on the in-memory durable test host, with the
/// activities' services replaced by the given fakes and the default price table.
/// </summary>
internal sealed class OrchestrationHost : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly DurableTaskTestHost _host;

    private OrchestrationHost(DurableTaskTestHost host)
    {
        _host = host;
    }

    public DurableTaskClient Client => _host.Client;

    public static async Task<OrchestrationHost> StartAsync(
        FakeRunStaging staging, FakeChunkProcessor processor, FakeRunCostStore costs, FakeBatchProcessor? batches = null, FakeBatchModelClient? batchClient = null)
    {
        var host = await DurableTaskTestHost.StartAsync(
            tasks =>
            {
                foreach (var orchestrator in FunctionsBatchTasks.Orchestrators)
                {
                    tasks.AddOrchestrator(orchestrator);
                }

                foreach (var activity in FunctionsBatchTasks.Activities)
                {
                    tasks.AddActivity(activity);
                }
            },
            new DurableTaskTestHostOptions
            {
                // Its own pick (30000-40000) reaches into the ephemeral range, where it met a port in use.
                Port = FreePort.Next(),
                ConfigureServices = services =>
                {
                    services.AddSingleton<IRunStaging>(staging);
                    services.AddSingleton<IChunkProcessor>(processor);
                    services.AddSingleton<IRunCostStore>(costs);
                    services.AddSingleton<IRunExporter>(new FakeRunExporter());
                    services.AddSingleton<IBatchProcessor>(batches ?? new FakeBatchProcessor());
                    services.AddSingleton<IBatchModelClient>(batchClient ?? new FakeBatchModelClient());
                    services.AddSingleton(PriceTable.Default);
                },
            });
        return new OrchestrationHost(host);
    }

    public Task<string> StartRunAsync(RunInput input) =>
        Client.ScheduleNewOrchestrationInstanceAsync(nameof(BatchRunOrchestrator), input, new StartOrchestrationOptions(input.RunId));

    /// <summary>Waits for the run to finish and returns its summary; fails if it did not complete.</summary>
    public async Task<(RunSummary Summary, RunProgress Status)> WaitForSummaryAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var metadata = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.True(
            metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"run {instanceId} ended {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
        return (metadata.ReadOutputAs<RunSummary>()!, metadata.ReadCustomStatusAs<RunProgress>()!);
    }

    /// <summary>Waits for any orchestration to finish and returns its output; fails if it did not complete.</summary>
    public async Task<T> WaitForOutputAsync<T>(string instanceId)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var metadata = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
        Assert.True(
            metadata.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{instanceId} ended {metadata.RuntimeStatus}: {metadata.FailureDetails?.ErrorMessage}");
        return metadata.ReadOutputAs<T>()!;
    }

    /// <summary>Polls the run's custom status until it matches.</summary>
    public async Task<RunProgress> WaitForStatusAsync(string instanceId, Func<RunProgress, bool> condition)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        RunProgress? last = null;
        while (!timeout.IsCancellationRequested)
        {
            var metadata = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, timeout.Token);
            last = metadata?.ReadCustomStatusAs<RunProgress>();
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(20, CancellationToken.None);
        }

        throw new TimeoutException($"run {instanceId} never reached the expected status; last seen: {last}");
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();
}
