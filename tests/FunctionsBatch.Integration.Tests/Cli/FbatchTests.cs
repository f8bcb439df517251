using System.Text.Json;
using FunctionsBatch.Cli;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Cli;

/// <summary><c>fbatch</c> against the local stack: start without waiting, follow, fetch the results, read an error.</summary>
public sealed class FbatchTests : IAsyncLifetime
{
    private const int Records = 30;
    private readonly string _input = Path.Combine(Path.GetTempPath(), $"fbatch-{Guid.NewGuid():N}.jsonl");
    private readonly string _results = Path.Combine(Path.GetTempPath(), $"fbatch-results-{Guid.NewGuid():N}.jsonl");
    private readonly HttpClient _http = new();
    private LocalStack _stack = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllLinesAsync(_input, File.ReadLines(Path.Combine(RepoPaths.Root, "samples", "tickets.jsonl")).Take(Records));
        _stack = await LocalStack.StartAsync(nameof(FbatchTests));
    }

    public async Task DisposeAsync()
    {
        await _stack.DisposeAsync();
        _http.Dispose();
        File.Delete(_input);
        File.Delete(_results);
    }

    [Fact]
    public async Task RunStatusResults_SampleJob_StartFollowAndFetchEveryRecord()
    {
        var (started, runOutput, runError) = await FbatchAsync("run", "--job", "classify-tickets", "--input", _input, "--no-wait");
        Assert.True(started == ExitCodes.Succeeded, runError);
        var runId = runOutput.Trim();
        Assert.StartsWith("classify-tickets-", runId, StringComparison.Ordinal);

        var (followed, statusOutput, statusError) = await FbatchAsync("status", runId, "--wait");
        Assert.True(followed == ExitCodes.Succeeded, statusError);
        Assert.Contains(runId, statusOutput + statusError, StringComparison.Ordinal);

        var (fetched, _, resultsError) = await FbatchAsync("results", runId, "--status", "succeeded", "--out", _results, "--page-size", "7");
        Assert.True(fetched == ExitCodes.Succeeded, resultsError);
        var fetchedIds = File.ReadLines(_results).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("recordId").GetString());
        var inputIds = File.ReadLines(_input).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("id").GetString());
        Assert.Equal(inputIds.Order(), fetchedIds.Order());

        // An error answer is a problem document: the CLI shows its code and detail.
        var (missing, _, missingError) = await FbatchAsync("status", "no-such-run");
        Assert.Equal(ExitCodes.Error, missing);
        Assert.Contains("404", missingError, StringComparison.Ordinal);
        Assert.Contains("(run_not_found): no run with id 'no-such-run'", missingError, StringComparison.Ordinal);
    }

    private async Task<(int Exit, string Output, string Error)> FbatchAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var app = new CliApp(_http, output, error, interactive: false, () => 120, _ => null);
        var exit = await app.RunAsync([.. args, "--host", _stack.HostUrl, "--key", LocalStack.FunctionKey], CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }
}
