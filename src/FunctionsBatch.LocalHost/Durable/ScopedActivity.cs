using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.LocalHost.Durable;

/// <summary>
/// Resolves the activity in its own DI scope for one execution and runs it through the shim, so scoped and
/// disposable dependencies live exactly as long as the execution (as in the Functions worker).
/// </summary>
public sealed class ScopedActivity(string name, Type type, IServiceProvider services, DurableTaskShimFactory shims) : TaskActivity
{
    public override async Task<string> RunAsync(TaskContext context, string input)
    {
        var scope = services.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            var activity = (ITaskActivity)ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);
            return await shims.CreateActivity(new TaskName(name), activity).RunAsync(context, input).ConfigureAwait(false);
        }
    }

    public override string Run(TaskContext context, string input) =>
        throw new NotSupportedException("Activities run asynchronously through RunAsync.");
}
