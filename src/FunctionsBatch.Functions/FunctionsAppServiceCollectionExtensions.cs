using FunctionsBatch.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.Functions;

public static class FunctionsAppServiceCollectionExtensions
{
    /// <summary>The shared services plus what only the Functions app needs.</summary>
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddFunctionsBatch(configuration, contentRoot);

        // The IRunClient comes per invocation from a [DurableClient] binding, so RunsApi is built per call.
        services.AddSingleton<RunsApiFactory>();
        return services;
    }
}
