using FunctionsBatch.Simulator.Batches;
using FunctionsBatch.Simulator.Configuration;
using FunctionsBatch.Simulator.Faults;
using FunctionsBatch.Simulator.Http;
using FunctionsBatch.Simulator.RateLimiting;
using FunctionsBatch.Simulator.Stats;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FunctionsBatch.Simulator;

public static class SimulatorServiceCollectionExtensions
{
    public static IServiceCollection AddSimulator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SimulatorOptions>().Bind(configuration.GetSection(SimulatorOptions.Section));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SimulatorSettings>();
        services.AddSingleton<RateLimiterRegistry>();
        services.AddSingleton<SimulatorStats>();
        services.AddSingleton<FaultInjector>();
        services.AddSingleton<ChatCompletionsHandler>();
        services.AddSingleton<FileStore>();
        services.AddSingleton<BatchEngine>();
        services.AddHostedService<TokenizerWarmUp>();
        return services;
    }
}
