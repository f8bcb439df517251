using System.Text;
using Azure.Storage.Blobs;
using FunctionsBatch.Core.Models;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Integration.Tests.Infrastructure;
using FunctionsBatch.Orchestration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.Integration.Tests.Exports;

/// <summary>The results export built from staged parts on Azurite: chunk order, replaced parts, re-executed exports.</summary>
public sealed class BlobRunExporterTests : IAsyncLifetime
{
    private const string Job = "export-test";
    private LocalStack _stack = null!;
    private ServiceProvider _services = null!;
    private IRunExporter _exporter = null!;

    public async Task InitializeAsync()
    {
        _stack = await LocalStack.StartAsync(nameof(BlobRunExporterTests));
        _services = _stack.AppServices();
        _exporter = _services.GetRequiredService<IRunExporter>();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task ExportAsync_PartsStagedOutOfOrderAndOneTwice_JoinsThemInChunkOrderOnceEach()
    {
        const string run = "run-parts";
        await _exporter.StageAsync(new ExportPart(Job, run, 2, ExportPart.Online, 0), [Row(run, "c-1", 2), Row(run, "c-2", 2)], CancellationToken.None);
        await _exporter.StageAsync(new ExportPart(Job, run, 0, ExportPart.BatchCollected, 0), [Row(run, "a-1", 0, RecordStatus.Failed)], CancellationToken.None);
        await _exporter.StageAsync(new ExportPart(Job, run, 0, ExportPart.BatchCollected, 0), [Row(run, "a-1", 0), Row(run, "a-2", 0)], CancellationToken.None);
        await _exporter.StageAsync(new ExportPart(Job, run, 1, ExportPart.BatchSettled, 0), [Row(run, "b-1", 1, RecordStatus.Failed)], CancellationToken.None);
        await _exporter.StageAsync(ExportPart.RejectedLines(Job, run), [Row(run, "line-9", -1, RecordStatus.Skipped)], CancellationToken.None);
        // Keys whose base64 block ids sort the other way round: the export must follow the keys.
        await _exporter.StageAsync(new ExportPart(Job, run, 405, ExportPart.BatchCollected, 0), [Row(run, "z-405", 405)], CancellationToken.None);
        await _exporter.StageAsync(new ExportPart(Job, run, 398, ExportPart.BatchSettled, 2), [Row(run, "y-398", 398)], CancellationToken.None);

        var export = await _exporter.ExportAsync(new ExportRequest(run, Job, null), CancellationToken.None);

        Assert.Equal(8, export.Records);
        Assert.Equal(
            ["line-9 skipped", "a-1 succeeded", "a-2 succeeded", "b-1 failed", "c-1 succeeded", "c-2 succeeded", "y-398 succeeded", "z-405 succeeded"],
            await ReadLinesAsync(export));
    }

    [Fact]
    public async Task ExportAsync_ExecutedAgainAfterCommitting_WritesTheSameExport()
    {
        const string run = "run-again";
        await _exporter.StageAsync(new ExportPart(Job, run, 0, ExportPart.Online, 0), [Row(run, "x-1", 0), Row(run, "x-2", 0)], CancellationToken.None);
        await _exporter.StageAsync(new ExportPart(Job, run, 1, ExportPart.Online, 0), [Row(run, "y-1", 1)], CancellationToken.None);

        var first = await _exporter.ExportAsync(new ExportRequest(run, Job, null), CancellationToken.None);
        var firstLines = await ReadLinesAsync(first);
        var second = await _exporter.ExportAsync(new ExportRequest(run, Job, null), CancellationToken.None);

        Assert.Equal((3, 3), (first.Records, second.Records));
        Assert.Equal(firstLines, await ReadLinesAsync(second));
        Assert.Equal(["x-1 succeeded", "x-2 succeeded", "y-1 succeeded"], firstLines);
    }

    [Fact]
    public async Task ExportAsync_NothingStaged_WritesAnEmptyExport()
    {
        var export = await _exporter.ExportAsync(new ExportRequest("run-empty", Job, null), CancellationToken.None);

        Assert.Equal(0, export.Records);
        Assert.Empty(await ReadLinesAsync(export));
    }

    private static RecordResult Row(string run, string id, int chunk, string status = RecordStatus.Succeeded) =>
        new(run, id, chunk, status, status == RecordStatus.Succeeded ? """{"category":"bug"}""" : null, new TokenUsage(10, 0, 2), 5, 1, null,
            status == RecordStatus.Succeeded ? null : "model_error", status == RecordStatus.Succeeded ? null : "refused");

    /// <summary>Each line as "id status", after checking it is one JSON object whose output is parsed JSON.</summary>
    private async Task<List<string>> ReadLinesAsync(RunExport export)
    {
        var blob = new BlobServiceClient(_stack.StorageConnectionString).GetBlobContainerClient(export.Container).GetBlobClient(export.BlobName);
        var text = Encoding.UTF8.GetString((await blob.DownloadContentAsync()).Value.Content);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => System.Text.Json.JsonDocument.Parse(line).RootElement)
            .Select(line =>
            {
                if (line.GetProperty("status").GetString() == RecordStatus.Succeeded)
                {
                    Assert.Equal("bug", line.GetProperty("output").GetProperty("category").GetString());
                }

                return $"{line.GetProperty("id").GetString()} {line.GetProperty("status").GetString()}";
            })
            .ToList();
    }
}
