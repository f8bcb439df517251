using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Azure.Tests.TestSupport;

/// <summary>
/// A bare Kestrel server on a free loopback port that answers every request with a hand-written handler, for
/// wire-level misbehaviour the simulator does not produce (a connection cut mid-body, a body that stalls).
/// </summary>
public sealed class StubModelServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private StubModelServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int Requests => Volatile.Read(ref _requests);

    public static async Task<StubModelServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        StubModelServer? server = null;
        app.Run(context => handler(context, Interlocked.Increment(ref server!._requests)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new StubModelServer(app, new Uri(address));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
