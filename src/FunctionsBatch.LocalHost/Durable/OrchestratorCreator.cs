using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.LocalHost.Durable;

/// <summary>A fresh shimmed orchestrator for every execution, as the Durable worker does.</summary>
public sealed class OrchestratorCreator : ObjectCreator<TaskOrchestration>
{
    private readonly Type type;
    private readonly IServiceProvider services;
    private readonly DurableTaskShimFactory shims;

    public OrchestratorCreator(Type type, IServiceProvider services, DurableTaskShimFactory shims)
    {
        ArgumentNullException.ThrowIfNull(type);
        this.type = type;
        this.services = services;
        this.shims = shims;
        Name = type.Name;
        Version = string.Empty;
    }

    public override TaskOrchestration Create() =>
        shims.CreateOrchestration(new TaskName(Name), (ITaskOrchestrator)ActivatorUtilities.CreateInstance(services, type));
}
