using FunctionsBatch.Http.Api;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.Functions;

/// <summary>Builds a <see cref="RunsApi"/> around the durable client of one invocation; everything else comes from DI.</summary>
public sealed class RunsApiFactory(IServiceProvider services)
{
    private static readonly ObjectFactory<RunsApi> Factory = ActivatorUtilities.CreateFactory<RunsApi>([typeof(IRunClient)]);

    public RunsApi Create(IRunClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return Factory(services, [client]);
    }

    public RunsApi Create(DurableTaskClient client) => Create(new DurableTaskRunClient(client));
}
