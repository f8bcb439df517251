using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using FunctionsBatch.Integration.Tests.Infrastructure;

namespace FunctionsBatch.Integration.Tests.Inputs;

/// <summary>
/// A run over every blob under a prefix on Azurite (CSV with a header row, or JSONL), streamed in name order, and
/// the JSONL export of its results.
/// </summary>
public sealed class BlobPrefixInputTests : IAsyncLifetime
{
    private LocalStack _stack = null!;
    private BlobContainerClient _inputs = null!;

    public async Task InitializeAsync()
    {
        _stack = await LocalStack.StartAsync(nameof(BlobPrefixInputTests));
        _inputs = new BlobServiceClient(_stack.StorageConnectionString).GetBlobContainerClient("inputs");
        await _inputs.CreateIfNotExistsAsync();
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Run_CsvPrefix_ProcessesEveryRowOfEveryBlobAndExportsOneLinePerRecord()
    {
        var tickets = RunsClient.ReadRecords("samples/tickets.jsonl", take: 30);
        var secondPart = Csv(tickets.Skip(15));
        // Quoted bodies span lines, so the broken row's line is counted, not assumed.
        var brokenLine = secondPart.Count(c => c == '\n') + 1;
        await UploadAsync("day1/part-002.csv", secondPart + "T-broken,only,four,fields\n");
        await UploadAsync("day1/part-001.csv", Csv(tickets.Take(15)));
        await UploadAsync("day2/part-001.csv", Csv(tickets.Take(3)));

        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["spec"] = JobSpecs.Classify(chunkSize: 8, maxParallelChunks: 2),
            ["input"] = new JsonObject { ["blob"] = new JsonObject { ["container"] = "inputs", ["prefix"] = "day1/", ["format"] = "csv" } },
        });
        var status = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(3));

        Assert.Equal("Completed", status.GetProperty("runtimeStatus").GetString());
        Assert.Equal(30, status.GetProperty("progress").GetProperty("succeeded").GetInt32());
        Assert.Equal(1, status.GetProperty("progress").GetProperty("skipped").GetInt32());
        var rows = await ResultRows.ReadAsync(_stack, runId);
        var broken = Assert.Single(rows, r => r.Status == "skipped");
        Assert.Contains($"blob 'inputs/day1/part-002.csv' line {brokenLine}:", broken.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("has 4 fields but the header has 5", broken.ErrorMessage, StringComparison.Ordinal);

        var exported = await ExportedResults.ReadAsync(_stack, status);
        Assert.EndsWith($"/exports/{status.GetProperty("output").GetProperty("job").GetString()}/{runId}.jsonl", status.GetProperty("resultsExportUri").GetString(), StringComparison.Ordinal);
        Assert.Equal(31, exported.Count);
        Assert.Equal(tickets.Select(t => t["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), exported.Where(e => e.GetProperty("status").GetString() == "succeeded").Select(e => e.GetProperty("id").GetString()!).Order(StringComparer.Ordinal));
        Assert.All(exported.Where(e => e.GetProperty("status").GetString() == "succeeded"), e =>
        {
            Assert.Equal(JsonValueKind.Object, e.GetProperty("output").ValueKind);
            Assert.Equal(JsonValueKind.Null, e.GetProperty("error").ValueKind);
        });
        Assert.Equal("invalid_record", exported.Single(e => e.GetProperty("status").GetString() == "skipped").GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Run_JsonlPrefix_ReadsBlobsInNameOrder()
    {
        var tickets = RunsClient.ReadRecords("samples/tickets.jsonl", take: 12);
        // Two lines that parse but are not text (JSON escapes of lone surrogates): skipped, naming the field, not the run's end.
        await UploadAsync("jsonl/b.jsonl", string.Join('\n', tickets.Skip(6).Select(t => t.ToJsonString()))
            + "\n{\"id\":\"bad-text\",\"subject\":\"s\",\"body\":\"x\\udc00\"}\n{\"id\":\"bad\\ud800\",\"subject\":\"s\",\"body\":\"b\"}");
        await UploadAsync("jsonl/a.jsonl", string.Join('\n', tickets.Take(6).Select(t => t.ToJsonString())) + "\n{\"id\": " + "\n");

        var runId = await RunsClient.StartAsync(_stack.Http, new JsonObject
        {
            ["spec"] = JobSpecs.Classify(chunkSize: 5, maxParallelChunks: 2),
            ["input"] = new JsonObject { ["blob"] = new JsonObject { ["container"] = "inputs", ["prefix"] = "jsonl/" } },
        });
        var status = await RunsClient.WaitForFinishAsync(_stack.Http, runId, TimeSpan.FromMinutes(3));

        Assert.Equal(12, status.GetProperty("progress").GetProperty("succeeded").GetInt32());
        var rows = await ResultRows.ReadAsync(_stack, runId);
        // Chunks follow name order: a.jsonl's six records fill chunk 0 and start chunk 1.
        Assert.Equal(tickets.Take(5).Select(t => t["id"]!.GetValue<string>()).Order(StringComparer.Ordinal), rows.Where(r => r.ChunkIndex == 0).Select(r => r.RowKey).Order(StringComparer.Ordinal));
        var bad = rows.Where(r => r.Status == "skipped").Select(r => r.ErrorMessage).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(3, bad.Length);
        Assert.Contains("blob 'inputs/jsonl/a.jsonl' line 7", bad[0], StringComparison.Ordinal);
        Assert.StartsWith("blob 'inputs/jsonl/b.jsonl' line 7: $.body is not valid Unicode text", bad[1], StringComparison.Ordinal);
        Assert.StartsWith("blob 'inputs/jsonl/b.jsonl' line 8: id is not valid Unicode text", bad[2], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nohead/", "subject,body\nA,B\n", "blob 'inputs/nohead/x.csv': line 1: the header row has no 'id' column")]
    [InlineData("empty-prefix/", null, "no blob in container 'inputs' has a name starting with 'empty-prefix/'")]
    public async Task Start_UnusableCsvPrefix_IsRejectedNamingTheBlob(string prefix, string? csv, string message)
    {
        if (csv is not null)
        {
            await UploadAsync(prefix + "x.csv", csv);
        }

        using var response = await RunsClient.PostJsonAsync(_stack.Http, "/api/runs", new JsonObject
        {
            ["spec"] = JobSpecs.Classify(chunkSize: 5, maxParallelChunks: 1),
            ["input"] = new JsonObject { ["blob"] = new JsonObject { ["container"] = "inputs", ["prefix"] = prefix, ["format"] = "csv" } },
        });
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var detail = Assert.Single(body["details"]!.AsArray())!;
        Assert.Equal("$.input", detail["path"]!.GetValue<string>());
        Assert.Contains(message, detail["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private async Task UploadAsync(string name, string text) =>
        await _inputs.GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(text)), overwrite: true);

    private static string Csv(IEnumerable<JsonObject> tickets)
    {
        string[] columns = ["id", "subject", "channel", "product", "body"];
        var csv = new StringBuilder(string.Join(',', columns)).Append('\n');
        foreach (var ticket in tickets)
        {
            csv.AppendJoin(',', columns.Select(c => Quote(ticket[c]!.GetValue<string>()))).Append('\n');
        }

        return csv.ToString();
    }

    private static string Quote(string field) => "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
