using DurableTask.Core;
using Microsoft.DurableTask.Worker.Shims;

namespace FunctionsBatch.LocalHost.Durable;

public sealed class ActivityCreator : ObjectCreator<TaskActivity>
{
    private readonly Type type;
    private readonly IServiceProvider services;
    private readonly DurableTaskShimFactory shims;

    public ActivityCreator(Type type, IServiceProvider services, DurableTaskShimFactory shims)
    {
        ArgumentNullException.ThrowIfNull(type);
        this.type = type;
        this.services = services;
        this.shims = shims;
        Name = type.Name;
        Version = string.Empty;
    }

    public override TaskActivity Create() => new ScopedActivity(Name, type, services, shims);
}
