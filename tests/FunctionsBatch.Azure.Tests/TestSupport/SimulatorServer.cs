using System.Net.Http.Json;
using System.Text.Json;
using FunctionsBatch.Simulator;
using FunctionsBatch.Simulator.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Azure.Tests.TestSupport;

/// <summary>
/// The simulator in this process on a real Kestrel port, so the Azure OpenAI SDK talks to it over a socket
/// exactly as it would to Azure (resets and cut-off bodies included).
/// </summary>
/// <remarks>
/// Built the way the simulator's Program.cs builds it (AddSimulator + MapSimulator) rather than through
/// <c>WebApplicationFactory&lt;Program&gt;.UseKestrel(0)</c>: that factory captures the entry point's host with a
/// process-wide DiagnosticListener, and with xunit running classes in parallel two factories starting at once
/// intermittently failed with "IServerAddressesFeature.Addresses cannot be modified after the server has started".
/// </remarks>
public sealed class SimulatorServer : IAsyncDisposable
{
    public const string ApiKey = "sim-key";

    private readonly WebApplication _app;
    private readonly HttpClient _admin;

    private SimulatorServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        _admin = new HttpClient { BaseAddress = baseAddress };
    }

    /// <summary>http://127.0.0.1:port/ of the running simulator.</summary>
    public Uri BaseAddress { get; }

    public static async Task<SimulatorServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        var all = new Dictionary<string, string?> { ["Simulator:ApiKey"] = ApiKey };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(all);
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSimulator(builder.Configuration);
        var app = builder.Build();
        app.MapSimulator();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new SimulatorServer(app, new Uri(address));
    }

    public async Task<JsonElement> StatsAsync() => await _admin.GetFromJsonAsync<JsonElement>("/sim/stats");

    public async Task<long> RequestsAsync() => (await StatsAsync()).GetProperty("requests").GetInt64();

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
