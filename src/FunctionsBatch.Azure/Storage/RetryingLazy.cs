namespace FunctionsBatch.Azure.Storage;

/// <summary>Like <see cref="Lazy{T}"/> over a task, but a failed attempt is forgotten so the next caller tries again.</summary>
internal sealed class RetryingLazy<T>(Func<Task<T>> factory)
{
    private readonly Lock _gate = new();
    private Task<T>? _task;

    public Task<T> Value
    {
        get
        {
            lock (_gate)
            {
                if (_task is null || _task.IsFaulted || _task.IsCanceled)
                {
                    _task = factory();
                }

                return _task;
            }
        }
    }
}
