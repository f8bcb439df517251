using System.Net;
using System.Text.Json;
using FunctionsBatch.Client;
using LocalStack = FunctionsBatch.Integration.Tests.Infrastructure.LocalStack;

namespace FunctionsBatch.Integration.Tests.Client;

/// <summary>The typed client library against the local stack: every route a user's own .NET code would call.</summary>
public sealed class RunsClientTests : IAsyncLifetime
{
    private const int Records = 12;
    private readonly HttpClient _http = new();
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(nameof(RunsClientTests));

    public async Task DisposeAsync()
    {
        await _stack.DisposeAsync();
        _http.Dispose();
    }

    [Fact]
    public async Task Client_SampleJob_StartsWaitsPagesReportsCostsAndExplainsWhatItRefuses()
    {
        var client = new RunsClient(_http, new Uri(_stack.HostUrl), LocalStack.FunctionKey);
        var records = File.ReadLines(Path.Combine(RepoPaths.Root, "samples", "tickets.jsonl")).Take(Records).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        var startedAt = DateTimeOffset.UtcNow.AddMinutes(-1);

        using var content = StartRunContent.ForJob("classify-tickets", records);
        var started = await client.StartAsync(content, CancellationToken.None);
        var polls = 0;
        var finished = await client.WaitForFinishAsync(started.Id, TimeSpan.FromMilliseconds(250), _ => polls++, CancellationToken.None);

        Assert.Equal(("Completed", "Succeeded", Records), (finished.RuntimeStatus, finished.Outcome, finished.Counts.Succeeded));
        Assert.True(polls >= 1);
        var ids = new List<string>();
        await foreach (var result in client.ReadResultsAsync(started.Id, null, 5, CancellationToken.None))
        {
            ids.Add(result.GetProperty("recordId").GetString()!);
        }

        Assert.Equal(records.Select(r => r.GetProperty("id").GetString()!).Order(), ids.Order());
        Assert.Contains(started.Id, await client.GetReportAsync(started.Id, CancellationToken.None), StringComparison.Ordinal);
        var costs = await client.GetCostsAsync(startedAt, DateTimeOffset.UtcNow.AddMinutes(1), "job", CancellationToken.None);
        var job = Assert.Single(costs.GetProperty("groups").EnumerateArray(), g => g.GetProperty("key").GetString() == "classify-tickets");
        Assert.Equal(Records, job.GetProperty("records").GetInt32());

        var refused = await Assert.ThrowsAsync<ApiException>(() => client.RetryFailedAsync(started.Id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("no_failed_records", refused.Error?.Code);
        var unknown = await Assert.ThrowsAsync<ApiException>(() => client.CancelAsync("no-such-run", CancellationToken.None));
        Assert.Equal((HttpStatusCode.NotFound, "run_not_found"), (unknown.StatusCode, unknown.Error?.Code));
    }
}
