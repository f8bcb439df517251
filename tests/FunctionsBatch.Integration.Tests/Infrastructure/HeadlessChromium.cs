using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FunctionsBatch.Integration.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>) started headless with a DevTools port, driven over the Chrome
/// DevTools Protocol: open a page, evaluate script in it, capture it as PNG. Never a downloaded browser; when
/// Chromium is missing, <see cref="StartAsync"/> throws and says how to install it. Stopped by PID.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly ServiceProcess _process;
    private readonly string _profile;
    private readonly CdpSession _page;

    private HeadlessChromium(ServiceProcess process, string profile, CdpSession page)
    {
        _process = process;
        _profile = profile;
        _page = page;
    }

    public int Pid => _process.Pid;

    public static async Task<HeadlessChromium> StartAsync(string workDirectory, int width, int height)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ExecutablePath}; the report page test needs it. Install Debian's package: " +
                "'sudo apt-get update && sudo apt-get install -y chromium' (.ci/run does this on a fresh machine).");
        }

        var port = FreePort.Next();
        var profile = Path.Combine(workDirectory, "chromium-profile");
        var process = ServiceProcess.Start(
            "chromium",
            ExecutablePath,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
                "--disable-extensions", "--disable-background-networking", "--hide-scrollbars", "--mute-audio",
                $"--remote-debugging-port={port.ToString(CultureInfo.InvariantCulture)}", "--remote-allow-origins=*",
                $"--user-data-dir={profile}", $"--window-size={width},{height}", "about:blank",
            ],
            new Dictionary<string, string>(),
            Path.Combine(workDirectory, "chromium.log"));
        try
        {
            var target = await FindPageAsync(port).ConfigureAwait(false);
            using var connect = new CancellationTokenSource(CommandTimeout);
            var page = await CdpSession.ConnectAsync(target, connect.Token).ConfigureAwait(false);
            var browser = new HeadlessChromium(process, profile, page);
            await page.SendAsync("Page.enable", null, CommandTimeout).ConfigureAwait(false);
            await page.SendAsync("Runtime.enable", null, CommandTimeout).ConfigureAwait(false);
            await page.SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
            {
                ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false,
            }, CommandTimeout).ConfigureAwait(false);
            return browser;
        }
        catch
        {
            process.Dispose();
            throw;
        }
    }

    /// <summary>Navigates and waits for the load event.</summary>
    public async Task OpenAsync(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        _page.ClearEvents();
        var navigated = await _page.SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, CommandTimeout).ConfigureAwait(false);
        if (navigated.TryGetProperty("errorText", out var error))
        {
            throw new InvalidOperationException($"Chromium could not open {url}: {error.GetString()}");
        }

        await _page.WaitForEventAsync("Page.loadEventFired", CommandTimeout).ConfigureAwait(false);
    }

    /// <summary>Evaluates an expression in the page and returns its value (by value: JSON-serialisable results only).</summary>
    public async Task<JsonElement> EvaluateAsync(string expression)
    {
        var result = await _page.SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true,
        }, CommandTimeout).ConfigureAwait(false);
        if (result.TryGetProperty("exceptionDetails", out var exception))
        {
            throw new InvalidOperationException($"The page script threw: {exception}");
        }

        return result.GetProperty("result").TryGetProperty("value", out var value) ? value.Clone() : default;
    }

    /// <summary>Captures the whole page (not only the viewport) as PNG and writes it to <paramref name="path"/>.</summary>
    public async Task<byte[]> CaptureFullPageAsync(string path)
    {
        var metrics = await _page.SendAsync("Page.getLayoutMetrics", null, CommandTimeout).ConfigureAwait(false);
        var content = metrics.GetProperty("cssContentSize");
        var shot = await _page.SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject
            {
                ["x"] = 0, ["y"] = 0, ["scale"] = 1,
                ["width"] = content.GetProperty("width").GetDouble(),
                ["height"] = content.GetProperty("height").GetDouble(),
            },
        }, CommandTimeout).ConfigureAwait(false);
        var png = Convert.FromBase64String(shot.GetProperty("data").GetString()!);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllBytesAsync(path, png).ConfigureAwait(false);
        return png;
    }

    public async ValueTask DisposeAsync()
    {
        await _page.DisposeAsync().ConfigureAwait(false);
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<Uri> FindPageAsync(int port)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                var targets = await http.GetFromJsonAsync<JsonElement>(new Uri($"http://127.0.0.1:{port}/json/list")).ConfigureAwait(false);
                foreach (var target in targets.EnumerateArray())
                {
                    if (target.GetProperty("type").GetString() == "page" && target.TryGetProperty("webSocketDebuggerUrl", out var url))
                    {
                        return new Uri(url.GetString()!);
                    }
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException)
            {
            }

            await Task.Delay(250).ConfigureAwait(false);
        }

        throw new TimeoutException($"Chromium's DevTools endpoint on port {port} offered no page within 90 s.");
    }
}
