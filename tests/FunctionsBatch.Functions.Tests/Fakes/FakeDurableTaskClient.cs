using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace FunctionsBatch.Functions.Tests.Fakes;

/// <summary>A durable client over a dictionary of instances; members the run client does not use throw.</summary>
internal sealed class FakeDurableTaskClient() : DurableTaskClient("fake")
{
    public Dictionary<string, OrchestrationMetadata> Instances { get; } = [];

    public List<(TaskName Name, object? Input, StartOrchestrationOptions? Options)> Scheduled { get; } = [];

    public List<(string InstanceId, string EventName, object? Payload)> RaisedEvents { get; } = [];

    public List<bool> GetInstanceCalls { get; } = [];

    /// <summary>Runs instead of recording a schedule when set, e.g. to throw as the host does.</summary>
    public Action<string>? OnSchedule { get; set; }

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        GetInstanceCalls.Add(getInputsAndOutputs);
        return Task.FromResult(Instances.GetValueOrDefault(instanceId));
    }

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        OnSchedule?.Invoke(instanceId);
        Scheduled.Add((orchestratorName, input, options));
        return Task.FromResult(instanceId);
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        RaisedEvents.Add((instanceId, eventName, eventPayload));
        return Task.CompletedTask;
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw new NotSupportedException();

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
