using System.Diagnostics;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.LocalHost;

/// <summary>SIGTERM (what <c>docker stop</c>, systemd and Ctrl+C send) stops the durable worker and exits cleanly.</summary>
public sealed class GracefulShutdownTests : IAsyncLifetime
{
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(nameof(GracefulShutdownTests));

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task LocalHost_OnSigterm_StopsWorkerAndExits()
    {
        using (var kill = Process.Start("kill", ["-TERM", _stack.Host.Pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!_stack.Host.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.True(_stack.Host.HasExited, "the local host was still running 30 s after SIGTERM");
        Assert.Contains("Durable worker stopped", await ReadLogAsync("Durable worker stopped"), StringComparison.Ordinal);
    }

    /// <summary>The log is written from the redirected output, which can trail the exit by a moment.</summary>
    private async Task<string> ReadLogAsync(string expected)
    {
        var text = string.Empty;
        for (var attempt = 0; attempt < 20 && !text.Contains(expected, StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(100);
            using var stream = new FileStream(Path.Combine(_stack.WorkDirectory, "host-0.log"), FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            text = await reader.ReadToEndAsync();
        }

        return text;
    }
}
