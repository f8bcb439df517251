using System.Net;
using System.Text.Json;
using FunctionsBatch.Simulator.Tests.TestSupport;

namespace FunctionsBatch.Simulator.Tests.Batches;

/// <summary>The Files and Batches endpoints on a manual clock.</summary>
public sealed class BatchEndpointTests : IDisposable
{
    private readonly ManualTimeProvider _time = new();
    private readonly SimulatorFactory _factory;
    private readonly SimulatorClient _client;
    private readonly BatchApi _batches;

    public BatchEndpointTests()
    {
        _factory = new SimulatorFactory(
            new Dictionary<string, string?>
            {
                ["Simulator:Batch:ValidationDelayMs"] = "1000",
                ["Simulator:Batch:CompletionDelayMs"] = "10000",
                ["Simulator:Batch:EnqueuedTokenLimits:limited"] = "150",
            },
            _time);
        _client = _factory.CreateSimulatorClient();
        _batches = new BatchApi(_client.Http);
    }

    [Fact]
    public async Task Batch_ThroughItsLife_AnswersEveryLineLikeOnlineChatAndCountsBatchTokensApart()
    {
        string[] users = ["printer is on fire", "refund my invoice 42", "how do I export?"];
        var fileId = await _batches.UploadFileAsync(BatchApi.Jsonl(users));
        using var fileResponse = await _batches.SendAsync(HttpMethod.Get, $"/openai/files/{fileId}");
        var file = await SimulatorClient.ReadJsonAsync(fileResponse);
        Assert.Equal(("file", "batch", "processed"), (file.GetProperty("object").GetString(), file.GetProperty("purpose").GetString(), file.GetProperty("status").GetString()));

        var created = await _batches.CreateAsync(fileId);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(("batch", "validating", "24h"), (created.GetProperty("object").GetString(), created.GetProperty("status").GetString(), created.GetProperty("completion_window").GetString()));
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal("in_progress", (await _batches.GetAsync(id)).GetProperty("status").GetString());
        _time.Advance(TimeSpan.FromSeconds(9));
        var done = await _batches.GetAsync(id);

        Assert.Equal("completed", done.GetProperty("status").GetString());
        Assert.Equal((3, 3, 0), Counts(done));
        Assert.Equal(JsonValueKind.Null, done.GetProperty("error_file_id").ValueKind);
        var output = await _batches.LinesAsync(done.GetProperty("output_file_id").GetString());
        var batchStats = (await _client.StatsAsync()).GetProperty("batch");
        long prompt = 0, completion = 0;
        for (var i = 0; i < users.Length; i++)
        {
            var response = output[$"line-{i}"].GetProperty("response");
            Assert.Equal(200, response.GetProperty("status_code").GetInt32());
            var online = await _client.CompleteAsync(ChatBody.Create(users[i]));
            Assert.Equal(SimulatorClient.ContentOf(online), SimulatorClient.ContentOf(response.GetProperty("body")));
            Assert.Equal(online.GetProperty("usage").GetProperty("prompt_tokens").GetInt64(), response.GetProperty("body").GetProperty("usage").GetProperty("prompt_tokens").GetInt64());
            prompt += response.GetProperty("body").GetProperty("usage").GetProperty("prompt_tokens").GetInt64();
            completion += response.GetProperty("body").GetProperty("usage").GetProperty("completion_tokens").GetInt64();
        }

        Assert.Equal((prompt, completion, 1L, 3L), (batchStats.GetProperty("promptTokens").GetInt64(), batchStats.GetProperty("completionTokens").GetInt64(), batchStats.GetProperty("completed").GetInt64(), batchStats.GetProperty("linesSucceeded").GetInt64()));
        Assert.Equal(prompt, (await _client.StatsAsync()).GetProperty("promptTokens").GetInt64());
    }

    [Fact]
    public async Task Batch_LinesMarkedToFailAndExpire_FailOnlyTheFirstTimeAndExpireTheBatch()
    {
        string[] users = ["fine ticket", "broken [[BATCH-FAIL]] ticket", "slow [[BATCH-EXPIRE]] ticket"];
        var first = await RunToEndAsync(BatchApi.Jsonl(users));

        Assert.Equal("expired", first.GetProperty("status").GetString());
        Assert.Equal((3, 1, 2), Counts(first));
        Assert.Equal(["line-0"], (await _batches.LinesAsync(first.GetProperty("output_file_id").GetString())).Keys);
        var errors = await _batches.LinesAsync(first.GetProperty("error_file_id").GetString());
        Assert.Equal(500, errors["line-1"].GetProperty("response").GetProperty("status_code").GetInt32());
        Assert.Equal("server_error", errors["line-1"].GetProperty("response").GetProperty("body").GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("batch_expired", errors["line-2"].GetProperty("error").GetProperty("code").GetString());

        var again = await RunToEndAsync(BatchApi.Jsonl(users[1..]));

        Assert.Equal("completed", again.GetProperty("status").GetString());
        Assert.Equal((2, 2, 0), Counts(again));
        var stats = (await _client.StatsAsync()).GetProperty("batch");
        Assert.Equal((1L, 1L, 3L), (stats.GetProperty("linesFailed").GetInt64(), stats.GetProperty("linesExpired").GetInt64(), stats.GetProperty("linesSucceeded").GetInt64()));
    }

    [Fact]
    public async Task Create_OverTheEnqueuedTokenLimit_FailsWithTokenLimitExceededUntilTheFirstBatchFinishes()
    {
        // About 100 prompt tokens: one batch fits the 150-token limit, two do not.
        var jsonl = BatchApi.Jsonl([string.Join(' ', Enumerable.Repeat("billing", 80))], deployment: "limited");
        var first = await _batches.CreateAsync(await _batches.UploadFileAsync(jsonl));
        var second = await _batches.CreateAsync(await _batches.UploadFileAsync(jsonl));
        _time.Advance(TimeSpan.FromSeconds(2));

        var refused = await _batches.GetAsync(second.GetProperty("id").GetString()!);
        Assert.Equal("failed", refused.GetProperty("status").GetString());
        var error = refused.GetProperty("errors").GetProperty("data")[0];
        Assert.Equal("token_limit_exceeded", error.GetProperty("code").GetString());
        Assert.Contains("Enqueued token limit reached for limited", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("in_progress", (await _batches.GetAsync(first.GetProperty("id").GetString()!)).GetProperty("status").GetString());

        _time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal("completed", (await _batches.GetAsync(first.GetProperty("id").GetString()!)).GetProperty("status").GetString());
        var third = await _batches.CreateAsync(await _batches.UploadFileAsync(jsonl));
        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.Equal("completed", (await _batches.GetAsync(third.GetProperty("id").GetString()!)).GetProperty("status").GetString());
        Assert.Equal(1, (await _client.StatsAsync()).GetProperty("batch").GetProperty("quotaRejected").GetInt64());
    }

    [Fact]
    public async Task Cancel_HalfWayThrough_ReportsCancellingThenCancelledWithTheLinesItReached()
    {
        var created = await _batches.CreateAsync(await _batches.UploadFileAsync(BatchApi.Jsonl(Enumerable.Range(0, 10).Select(i => $"ticket {i}"))));
        var id = created.GetProperty("id").GetString()!;
        _time.Advance(TimeSpan.FromMilliseconds(5500));

        var cancelling = await _batches.CancelAsync(id);
        var cancelled = await _batches.GetAsync(id);

        Assert.Equal("cancelling", cancelling.GetProperty("status").GetString());
        Assert.Equal("cancelled", cancelled.GetProperty("status").GetString());
        Assert.Equal((10, 5, 0), Counts(cancelled));
        Assert.Equal(5, (await _batches.LinesAsync(cancelled.GetProperty("output_file_id").GetString())).Count);
        var errors = await _batches.LinesAsync(cancelled.GetProperty("error_file_id").GetString());
        Assert.All(errors.Values, e => Assert.Equal("batch_cancelled", e.GetProperty("error").GetProperty("code").GetString()));
        Assert.Equal(1, (await _client.StatsAsync()).GetProperty("batch").GetProperty("cancelled").GetInt64());
    }

    [Fact]
    public async Task Create_InvalidInputFile_FailsValidationNamingTheLine()
    {
        var duplicate = BatchApi.Jsonl(["a"]) + BatchApi.Jsonl(["b"]);
        var created = await _batches.CreateAsync(await _batches.UploadFileAsync(duplicate));
        _time.Advance(TimeSpan.FromSeconds(2));

        var failed = await _batches.GetAsync(created.GetProperty("id").GetString()!);

        Assert.Equal("failed", failed.GetProperty("status").GetString());
        var error = failed.GetProperty("errors").GetProperty("data")[0];
        Assert.Equal("invalid_custom_id", error.GetProperty("code").GetString());
        Assert.Contains("Line 2", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_WithoutKeyOrVersionOrWithWrongPurpose_AreRefused()
    {
        using var noKey = await _batches.SendAsync(HttpMethod.Get, "/openai/batches/batch_x", apiKey: "wrong");
        using var noVersion = await _batches.SendAsync(HttpMethod.Get, "/openai/batches/batch_x", withVersion: false);
        using var unknown = await _batches.SendAsync(HttpMethod.Get, "/openai/batches/batch_x");
        using var fineTune = await _batches.UploadAsync(BatchApi.Jsonl(["a"]), purpose: "fine-tune");
        using var noFile = await _batches.SendAsync(HttpMethod.Post, "/openai/batches", new System.Text.Json.Nodes.JsonObject
        {
            ["input_file_id"] = "file-missing", ["endpoint"] = "/chat/completions", ["completion_window"] = "24h",
        });

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest],
            new[] { noKey.StatusCode, noVersion.StatusCode, unknown.StatusCode, fineTune.StatusCode, noFile.StatusCode });
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
    }

    private async Task<JsonElement> RunToEndAsync(string jsonl)
    {
        var created = await _batches.CreateAsync(await _batches.UploadFileAsync(jsonl));
        _time.Advance(TimeSpan.FromSeconds(11));
        return await _batches.GetAsync(created.GetProperty("id").GetString()!);
    }

    private static (int Total, int Completed, int Failed) Counts(JsonElement batch)
    {
        var counts = batch.GetProperty("request_counts");
        return (counts.GetProperty("total").GetInt32(), counts.GetProperty("completed").GetInt32(), counts.GetProperty("failed").GetInt32());
    }
}
