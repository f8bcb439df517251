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
    private WebApplication? _app;
    private int _requests;

    private StubModelServer()
    {
    }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Requests received so far.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <param name="handler">Answers one request; the second argument is the request's number, 1 for the first.</param>
    public static async Task<StubModelServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var server = new StubModelServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.Run(context => handler(context, Interlocked.Increment(ref server._requests)));
        await app.StartAsync();
        server._app = app;
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
