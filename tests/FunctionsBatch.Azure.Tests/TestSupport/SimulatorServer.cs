using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace FunctionsBatch.Azure.Tests.TestSupport;

/// <summary>
/// The simulator in this process on a real Kestrel port, so the Azure OpenAI SDK talks to it over a socket
/// exactly as it would to Azure (resets and cut-off bodies included).
/// </summary>
public sealed class SimulatorServer : IDisposable
{
    public const string ApiKey = "sim-key";

    private readonly Factory _factory;
    private readonly HttpClient _admin;

    public SimulatorServer(IReadOnlyDictionary<string, string?>? settings = null)
    {
        _factory = new Factory(settings);
        _factory.UseKestrel(0);
        _factory.StartServer();
        _admin = _factory.CreateClient();
        BaseAddress = _admin.BaseAddress!;
    }

    /// <summary>http://127.0.0.1:port/ of the running simulator.</summary>
    public Uri BaseAddress { get; }

    public async Task<JsonElement> StatsAsync() => await _admin.GetFromJsonAsync<JsonElement>("/sim/stats");

    public async Task<long> RequestsAsync() => (await StatsAsync()).GetProperty("requests").GetInt64();

    public void Dispose()
    {
        _admin.Dispose();
        _factory.Dispose();
    }

    private sealed class Factory(IReadOnlyDictionary<string, string?>? settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var all = new Dictionary<string, string?>
            {
                ["Simulator:ApiKey"] = ApiKey,
                ["Logging:LogLevel:Default"] = "Warning",
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key] = value;
            }

            builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(all));
        }
    }
}
