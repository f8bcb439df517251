using System.Text;
using FunctionsBatch.Azure.OpenAI;
using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Core.Batch;
using FunctionsBatch.Core.Tokens;
using FunctionsBatch.Orchestration.Batch;
using Microsoft.AspNetCore.Http;

namespace FunctionsBatch.Azure.Tests.OpenAI;

/// <summary>The Batch API adapter over HTTP against the simulator on a real port, and a service that refuses at create.</summary>
public sealed class AzureOpenAIBatchClientTests
{
    [Fact]
    public async Task Client_AgainstTheSimulator_UploadsCreatesPollsAndReadsEveryLineBack()
    {
        await using var server = await SimulatorServer.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Batch:ValidationDelayMs"] = "0",
            ["Simulator:Batch:CompletionDelayMs"] = "300",
        });
        var client = BatchModelClientFactory.Create(new OpenAISettings { Endpoint = server.BaseAddress.ToString(), ApiKey = SimulatorServer.ApiKey });
        using var jsonl = new MemoryStream();
        for (var i = 0; i < 3; i++)
        {
            BatchRequestLine.Write(jsonl, BatchCustomId.Format(4, i), "gpt-4o-mini", [new ChatMessageText("user", $"ticket {i}")], 50, null, "t");
        }

        jsonl.Position = 0;
        var fileId = await client.UploadAsync(jsonl, "chunk-4.jsonl", CancellationToken.None);
        var job = await client.CreateAsync(fileId, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!job.IsTerminal && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            job = await client.GetAsync(job.Id, CancellationToken.None);
        }

        Assert.Equal((BatchStatuses.Completed, 3, 3, 0), (job.Status, job.Total, job.Completed, job.Failed));
        var lines = new List<BatchLineResult>();
        await foreach (var line in client.ReadLinesAsync(job.OutputFileId!, CancellationToken.None))
        {
            lines.Add(BatchLineReader.Read(line));
        }

        Assert.Equal([0, 1, 2], lines.Select(l => BatchCustomId.TryParse(l.CustomId, 4, out var index) ? index : -1).Order());
        Assert.All(lines, l => Assert.True(l.Succeeded && l.Usage.PromptTokens > 0 && l.Content!.Length > 0));
        Assert.Equal(lines.Sum(l => l.Usage.PromptTokens), (await server.StatsAsync()).GetProperty("batch").GetProperty("promptTokens").GetInt64());
    }

    [Fact]
    public async Task Cancel_RunningBatch_ReturnsCancellingThenCancelled()
    {
        await using var server = await SimulatorServer.StartAsync(new Dictionary<string, string?> { ["Simulator:Batch:CompletionDelayMs"] = "60000" });
        var client = BatchModelClientFactory.Create(new OpenAISettings { Endpoint = server.BaseAddress.ToString(), ApiKey = SimulatorServer.ApiKey });
        using var jsonl = new MemoryStream();
        BatchRequestLine.Write(jsonl, "c0-r0", "gpt-4o-mini", [new ChatMessageText("user", "hello")], 20, null, "t");
        jsonl.Position = 0;
        var job = await client.CreateAsync(await client.UploadAsync(jsonl, "x.jsonl", CancellationToken.None), CancellationToken.None);

        var cancelling = await client.CancelAsync(job.Id, CancellationToken.None);
        var cancelled = await client.GetAsync(job.Id, CancellationToken.None);

        Assert.Equal((BatchStatuses.Cancelling, BatchStatuses.Cancelled), (cancelling.Status, cancelled.Status));
    }

    [Fact]
    public async Task Create_ServiceRefusesForEnqueuedTokens_ThrowsBatchQuotaExceeded()
    {
        await using var service = await StubModelServer.StartAsync(async (context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"error":{"code":"token_limit_exceeded","message":"Enqueued token limit reached for gpt-4o-mini."}}""", Encoding.UTF8);
        });
        var client = BatchModelClientFactory.Create(new OpenAISettings { Endpoint = service.BaseAddress.ToString(), ApiKey = "k" });

        var ex = await Assert.ThrowsAsync<BatchQuotaExceededException>(() => client.CreateAsync("file-1", CancellationToken.None));

        Assert.Contains("token_limit_exceeded", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ServerError_ThrowsSoTheActivityRetries()
    {
        await using var service = await StubModelServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Task.CompletedTask;
        });
        var client = BatchModelClientFactory.Create(new OpenAISettings { Endpoint = service.BaseAddress.ToString(), ApiKey = "k" });

        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("batch_1", CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, ex.StatusCode);
    }
}
