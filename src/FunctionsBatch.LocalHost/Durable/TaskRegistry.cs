using Microsoft.DurableTask;

namespace FunctionsBatch.LocalHost.Durable;

/// <summary>The orchestrators and activities the local worker runs, each registered by its type name.</summary>
public sealed class TaskRegistry
{
    private readonly List<Type> orchestrators = [];
    private readonly List<Type> activities = [];

    public IReadOnlyList<Type> Orchestrators => orchestrators;

    public IReadOnlyList<Type> Activities => activities;

    public TaskRegistry AddOrchestrator<T>()
        where T : class, ITaskOrchestrator
    {
        orchestrators.Add(typeof(T));
        return this;
    }

    public TaskRegistry AddActivity<T>()
        where T : class, ITaskActivity
    {
        activities.Add(typeof(T));
        return this;
    }
}
