using Microsoft.DurableTask;

namespace FunctionsBatch.Functions.Durable;

/// <summary>The activity context a Functions activity trigger does not hand out, rebuilt from its binding data.</summary>
public sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name { get; } = name;

    public override string InstanceId { get; } = instanceId;
}
