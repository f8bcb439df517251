using System.Net;
using System.Text.Json;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.LocalHost;

/// <summary>Function-level keys on the local host, with no key configured: one is generated into <c>.run/localhost.key</c>.</summary>
public sealed class FunctionKeyTests : IAsyncLifetime
{
    private readonly string _contentRoot = Path.Combine(Path.GetTempPath(), "functionsbatch-tests", "keys-" + Guid.NewGuid().ToString("N")[..12]);
    private LocalStack _stack = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_contentRoot);
        _stack = await LocalStack.StartAsync(nameof(FunctionKeyTests), new Dictionary<string, string>
        {
            ["LocalHost__FunctionKey"] = string.Empty,
            ["FunctionsBatch__ContentRoot"] = _contentRoot,
            ["FunctionsBatch__JobsPath"] = Path.Combine(RepoPaths.Root, "jobs"),
        });
    }

    public async Task DisposeAsync()
    {
        await _stack.DisposeAsync();
        Directory.Delete(_contentRoot, recursive: true);
    }

    [Fact]
    public async Task ApiRoutes_WithoutGeneratedKey_Return401AndWithItAnswer()
    {
        var key = (await File.ReadAllTextAsync(Path.Combine(_contentRoot, ".run", "localhost.key"))).Trim();
        using var http = new HttpClient { BaseAddress = new Uri(_stack.HostUrl) };

        using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        using var noKey = await http.GetAsync(new Uri("/api/runs/missing", UriKind.Relative));
        using var wrongKey = await SendAsync(http, HttpMethod.Get, "/api/runs/missing", "not-the-key");
        using var adminNoKey = await http.PostAsync(new Uri("/admin/timers/nightly", UriKind.Relative), null);
        using var header = await SendAsync(http, HttpMethod.Get, "/api/runs/missing", key);
        using var query = await http.GetAsync(new Uri($"/api/runs/missing?code={Uri.EscapeDataString(key)}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongKey.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, adminNoKey.StatusCode);
        Assert.Equal("unauthorized", await ErrorCodeAsync(noKey));
        Assert.Equal(HttpStatusCode.NotFound, header.StatusCode);
        Assert.Equal("run_not_found", await ErrorCodeAsync(header));
        Assert.Equal(HttpStatusCode.NotFound, query.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpMethod method, string path, string key)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Add("x-functions-key", key);
        return await http.SendAsync(request);
    }

    private static async Task<string?> ErrorCodeAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("code").GetString();
    }
}
