using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.Simulator.Tests.TestSupport;

/// <summary>The simulator in memory, with test settings and optionally a manual clock.</summary>
public sealed class SimulatorFactory(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    : WebApplicationFactory<Program>
{
    public const string ApiKey = "test-key";

    public SimulatorClient CreateSimulatorClient() => new(CreateClient());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var all = new Dictionary<string, string?> { ["Simulator:ApiKey"] = ApiKey };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(all));
        if (time is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(time));
        }
    }
}
