using FunctionsBatch.Core.Runs;
using FunctionsBatch.Functions.Tests.Fakes;
using FunctionsBatch.Http.Api;
using FunctionsBatch.Orchestration;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;

namespace FunctionsBatch.Functions.Tests;

public sealed class DurableTaskRunClientTests
{
    private static readonly DateTimeOffset Created = new(2026, 11, 27, 2, 0, 0, TimeSpan.Zero);

    private readonly FakeDurableTaskClient _durable = new();

    public static TheoryData<OrchestrationRuntimeStatus, string> Statuses => new()
    {
        { OrchestrationRuntimeStatus.Pending, RuntimeStatusNames.Pending },
        { OrchestrationRuntimeStatus.Running, RuntimeStatusNames.Running },
        { OrchestrationRuntimeStatus.Completed, RuntimeStatusNames.Completed },
        { OrchestrationRuntimeStatus.Failed, RuntimeStatusNames.Failed },
        { OrchestrationRuntimeStatus.Terminated, RuntimeStatusNames.Terminated },
        { OrchestrationRuntimeStatus.Suspended, RuntimeStatusNames.Suspended },
    };

    [Fact]
    public async Task StartAsync_NewRun_SchedulesOrchestratorWithRunIdAsInstanceId()
    {
        var input = TestRuns.Input("run-1");

        var started = await new DurableTaskRunClient(_durable).StartAsync(input, CancellationToken.None);

        Assert.True(started);
        var scheduled = Assert.Single(_durable.Scheduled);
        Assert.Equal(nameof(BatchRunOrchestrator), scheduled.Name.Name);
        Assert.Same(input, scheduled.Input);
        Assert.Equal("run-1", scheduled.Options?.InstanceId);
    }

    [Fact]
    public async Task StartAsync_InstanceExists_ReturnsFalseWithoutScheduling()
    {
        _durable.Instances["run-1"] = Metadata("run-1", OrchestrationRuntimeStatus.Completed);

        var started = await new DurableTaskRunClient(_durable).StartAsync(TestRuns.Input("run-1"), CancellationToken.None);

        Assert.False(started);
        Assert.Empty(_durable.Scheduled);
    }

    [Fact]
    public async Task StartAsync_HostReportsAlreadyExists_ReturnsFalse()
    {
        _durable.OnSchedule = id => throw new RpcException(new Status(StatusCode.AlreadyExists, $"An Orchestration instance with the ID {id} already exists."));

        var started = await new DurableTaskRunClient(_durable).StartAsync(TestRuns.Input("run-1"), CancellationToken.None);

        Assert.False(started);
    }

    [Fact]
    public async Task StartAsync_HostFailsOtherwise_Throws()
    {
        _durable.OnSchedule = _ => throw new RpcException(new Status(StatusCode.Unavailable, "down"));

        await Assert.ThrowsAsync<RpcException>(() => new DurableTaskRunClient(_durable).StartAsync(TestRuns.Input("run-1"), CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_UnknownRun_ReturnsNull()
    {
        Assert.Null(await new DurableTaskRunClient(_durable).GetAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_Running_ReadsProgressFromCustomStatus()
    {
        var progress = RunProgress.Starting with { Phase = RunPhases.Processing, ChunksTotal = 4, ChunksCompleted = 1 };
        _durable.Instances["run-1"] = Metadata("run-1", OrchestrationRuntimeStatus.Running, customStatus: JsonDataConverter.Default.Serialize(progress));

        var state = await new DurableTaskRunClient(_durable).GetAsync("run-1", CancellationToken.None);

        Assert.NotNull(state);
        Assert.Equal(RuntimeStatusNames.Running, state.RuntimeStatus);
        Assert.Equal(progress, state.Progress);
        Assert.Null(state.Summary);
        Assert.Equal(Created.UtcDateTime, state.CreatedUtc);
        Assert.Equal([true], _durable.GetInstanceCalls);
    }

    [Fact]
    public async Task GetAsync_Completed_ReadsSummaryFromOutput()
    {
        var summary = TestRuns.Summary("run-1");
        _durable.Instances["run-1"] = Metadata("run-1", OrchestrationRuntimeStatus.Completed, output: JsonDataConverter.Default.Serialize(summary));

        var state = await new DurableTaskRunClient(_durable).GetAsync("run-1", CancellationToken.None);

        Assert.NotNull(state?.Summary);
        Assert.Equal(summary.All.CostMicros, state.Summary.All.CostMicros);
        Assert.Equal(summary.Outcome, state.Summary.Outcome);
        Assert.Null(state.FailureMessage);
    }

    [Fact]
    public async Task GetAsync_Failed_ReportsTheFailureMessageAndNoSummary()
    {
        _durable.Instances["run-1"] = Metadata(
            "run-1", OrchestrationRuntimeStatus.Failed, failure: new TaskFailureDetails("InvalidOperationException", "staging failed", null, null, null));

        var state = await new DurableTaskRunClient(_durable).GetAsync("run-1", CancellationToken.None);

        Assert.Equal(RuntimeStatusNames.Failed, state?.RuntimeStatus);
        Assert.Equal("staging failed", state?.FailureMessage);
        Assert.Null(state?.Summary);
    }

    [Theory]
    [MemberData(nameof(Statuses))]
    public void StatusName_DurableStatus_IsTheApiName(OrchestrationRuntimeStatus status, string expected) =>
        Assert.Equal(expected, DurableTaskRunClient.StatusName(status));

    [Fact]
    public async Task RequestCancelAsync_Run_RaisesTheCancelEvent()
    {
        await new DurableTaskRunClient(_durable).RequestCancelAsync("run-1", CancellationToken.None);

        Assert.Equal(("run-1", RunEvents.Cancel, (object?)DurableTaskRunClient.CancelPayload), Assert.Single(_durable.RaisedEvents));
    }

    private static OrchestrationMetadata Metadata(
        string id, OrchestrationRuntimeStatus status, string? customStatus = null, string? output = null, TaskFailureDetails? failure = null) =>
        new(nameof(BatchRunOrchestrator), id)
        {
            RuntimeStatus = status,
            SerializedCustomStatus = customStatus,
            SerializedOutput = output,
            FailureDetails = failure,
            CreatedAt = Created,
            LastUpdatedAt = Created.AddMinutes(1),
            DataConverter = JsonDataConverter.Default,
        };
}
