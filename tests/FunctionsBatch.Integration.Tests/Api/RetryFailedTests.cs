using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Api;

/// <summary><c>POST /api/runs/{id}/retry-failed</c> reruns only a run's failed records, linked to the original.</summary>
public sealed class RetryFailedTests : IAsyncLifetime
{
    private LocalStack _stack = null!;

    public async Task InitializeAsync() => _stack = await LocalStack.StartAsync(nameof(RetryFailedTests));

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task RetryFailed_RunWithFailures_StartsALinkedRunOverExactlyTheFailedRecords()
    {
        var records = RunsClient.ReadRecords("samples/tickets.jsonl", take: 120).Select(r => r.DeepClone().AsObject()).ToArray();
        var poisoned = records.Where((_, i) => i % 15 == 0).ToArray();
        foreach (var record in poisoned)
        {
            record["body"] = $"{record["body"]!.GetValue<string>()} [[BLOCK]]";
        }

        var original = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["job"] = "classify-tickets",
            ["records"] = new JsonArray(records.Select(r => (JsonNode)r).ToArray()),
        });
        var first = await RunsClient.WaitForFinishAsync(_stack.Http, original, TimeSpan.FromMinutes(2));
        Assert.Equal(poisoned.Length, first.GetProperty("progress").GetProperty("failed").GetInt32());

        using var response = await _stack.Http.PostAsync(new Uri($"/api/runs/{original}/retry-failed", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var retryId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var retry = await RunsClient.WaitForFinishAsync(_stack.Http, retryId, TimeSpan.FromMinutes(2));

        Assert.Equal(original, retry.GetProperty("output").GetProperty("retryOf").GetString());
        Assert.Equal(poisoned.Length, retry.GetProperty("progress").GetProperty("totalRecords").GetInt32());
        var rows = await ResultRows.ReadAsync(_stack, retryId);
        Assert.Equal(poisoned.Select(r => r["id"]!.GetValue<string>()).Order(), rows.Select(r => r.RowKey).Order());
        Assert.Equal(original, (await ResultRows.CostAsync(_stack, retryId)).RetryOf);

        using var clean = await _stack.Http.PostAsync(new Uri($"/api/runs/{retryId}/retry-failed", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Accepted, clean.StatusCode);
    }

    [Fact]
    public async Task StartRun_ValidBody_Answers202WithTheStatusUrlInLocation()
    {
        var body = new JsonObject
        {
            ["spec"] = JobSpecs.Classify(chunkSize: 5, maxParallelChunks: 1),
            ["records"] = new JsonArray(RunsClient.ReadRecords("samples/tickets.jsonl", take: 5).Select(r => r.DeepClone()).ToArray()),
        };

        using var response = await RunsClient.PostJsonAsync(_stack.Http, "/api/runs", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        Assert.EndsWith($"/api/runs/{id}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        await RunsClient.WaitForFinishAsync(_stack.Http, id, TimeSpan.FromMinutes(2));
    }
}
