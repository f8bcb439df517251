using FunctionsBatch.Azure;
using FunctionsBatch.Orchestration.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsBatch.Functions;

public static class FunctionsAppServiceCollectionExtensions
{
    /// <summary>The shared services plus what only the Functions app needs.</summary>
    public static IServiceCollection AddFunctionsApp(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddFunctionsBatch(configuration, contentRoot);

        // Here the IRunClient comes per invocation from a [DurableClient] binding, so RunsApi is built per call by
        // RunsApiFactory; a container-wide RunsApi could never be resolved and fails ValidateOnBuild in Development.
        services.RemoveAll<RunsApi>();
        services.AddSingleton<RunsApiFactory>();
        return services;
    }
}
