using FunctionsBatch.Cli;
using FunctionsBatch.TestSupport;

namespace FunctionsBatch.Cli.Tests;

/// <summary>The whole command line to exit code and output, over real HTTP where a host is involved.</summary>
public sealed class CliAppTests : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        _http.Dispose();
        _output.Dispose();
        _error.Dispose();
    }

    [Fact]
    public async Task RunAsync_Help_PrintsEveryCommandOnStdoutAndSucceeds()
    {
        var exit = await RunAsync("--help");

        Assert.Equal(ExitCodes.Succeeded, exit);
        foreach (var command in new[] { "run", "status", "cancel", "results", "--host", "--key-file" })
        {
            Assert.Contains(command, _output.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RunAsync_NoArguments_FailsWithAHint()
    {
        var exit = await RunAsync();

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("error: Required command was not provided", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("fbatch --help", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownOption_FailsWithoutCallingTheHost()
    {
        var exit = await RunAsync("status", "run-1", "--colour", "--host", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains("--colour", _error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cannot reach", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NothingListensOnTheHost_SaysSoAndHowToSetIt()
    {
        var host = $"http://127.0.0.1:{FreePort.Next()}";

        var exit = await RunAsync("status", "run-1", "--host", host, "--key", "k");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains($"cannot reach {host}", _error.ToString(), StringComparison.Ordinal);
        Assert.Contains("FBATCH_HOST", _error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RunWithAnUnreadableInput_NamesTheFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"fbatch-missing-{Guid.NewGuid():N}.jsonl");

        var exit = await RunAsync("run", "--job", "classify-tickets", "--input", missing, "--host", $"http://127.0.0.1:{FreePort.Next()}", "--key", "k");

        Assert.Equal(ExitCodes.Error, exit);
        Assert.Contains(Path.GetFileName(missing), _error.ToString(), StringComparison.Ordinal);
    }

    private Task<int> RunAsync(params string[] args) =>
        new CliApp(_http, _output, _error, interactive: false, () => 120, _ => null).RunAsync(args, CancellationToken.None);
}
