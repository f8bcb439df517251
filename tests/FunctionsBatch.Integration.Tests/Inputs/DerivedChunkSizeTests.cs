using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using FunctionsBatch.Azure.Storage;
using FunctionsBatch.Core.Planning;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Integration.Tests.Infrastructure;
using FunctionsBatch.Orchestration;
using Microsoft.Extensions.DependencyInjection;

namespace FunctionsBatch.Integration.Tests.Inputs;

/// <summary>
/// A spec without <c>chunkSize</c> gets one derived from its input's size, estimated before staging from the
/// source's length and its first lines (file, blob prefix) or the queue's message count, on Azurite.
/// </summary>
public sealed class DerivedChunkSizeTests : IAsyncLifetime
{
    private LocalStack _stack = null!;
    private ServiceProvider _services = null!;
    private string _file = null!;

    public async Task InitializeAsync()
    {
        _stack = await LocalStack.StartAsync(nameof(DerivedChunkSizeTests));
        _services = _stack.AppServices();
        // In the host's inputs folder (file inputs are read from nowhere else); git-ignored.
        _file = Path.Combine("samples", "generated", $"sizing-{Guid.NewGuid():N}.jsonl");
    }

    public async Task DisposeAsync()
    {
        File.Delete(Path.Combine(RepoPaths.Root, _file));
        await _services.DisposeAsync();
        await _stack.DisposeAsync();
    }

    [Fact]
    public async Task StageAsync_LargeFileWithoutChunkSize_SizesChunksForAboutAThousandOfThem()
    {
        const int records = 180_000;
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "samples", "generated"));
        await File.WriteAllLinesAsync(Path.Combine(RepoPaths.Root, _file), Lines(records));
        var source = new RunSource(RunSourceKinds.File, _file);

        var estimate = await _services.GetRequiredService<RunSourceReader>().EstimateRecordsAsync(source, CancellationToken.None);
        var staged = await _services.GetRequiredService<IRunStaging>().StageAsync(
            new StageRequest("run-derived", Spec(chunkSize: null), source), CancellationToken.None);

        Assert.InRange(estimate, records * 0.95, records * 1.05);
        Assert.Equal(RunSizing.ChunkSize(estimate), staged.ChunkSize);
        Assert.InRange(staged.ChunkSize, 171, 189);
        Assert.Equal((records, (records + staged.ChunkSize - 1) / staged.ChunkSize), (staged.RecordCount, staged.ChunkCount));
    }

    [Fact]
    public async Task StageAsync_ChunkSizeGiven_KeepsIt()
    {
        Directory.CreateDirectory(Path.Combine(RepoPaths.Root, "samples", "generated"));
        await File.WriteAllLinesAsync(Path.Combine(RepoPaths.Root, _file), Lines(1_000));

        var staged = await _services.GetRequiredService<IRunStaging>().StageAsync(
            new StageRequest("run-given", Spec(chunkSize: 7), new RunSource(RunSourceKinds.File, _file)), CancellationToken.None);

        Assert.Equal((7, 143), (staged.ChunkSize, staged.ChunkCount));
    }

    [Fact]
    public async Task EstimateRecordsAsync_BlobPrefixAndQueue_CountTheirLinesAndMessages()
    {
        var container = new BlobServiceClient(_stack.StorageConnectionString).GetBlobContainerClient("sizing");
        await container.CreateIfNotExistsAsync();
        await container.UploadBlobAsync("day/b.jsonl", BinaryData.FromString(string.Join('\n', Lines(3_000))));
        await container.UploadBlobAsync("day/a.jsonl", BinaryData.FromString(string.Join('\n', Lines(500))));
        await container.UploadBlobAsync("other/c.jsonl", BinaryData.FromString(string.Join('\n', Lines(9_000))));
        var queue = new QueueClient(_stack.StorageConnectionString, "sizing-intake");
        await queue.CreateIfNotExistsAsync();
        for (var i = 0; i < 25; i++)
        {
            await queue.SendMessageAsync($$"""{"id":"q-{{i}}","body":"hello"}""");
        }

        var reader = _services.GetRequiredService<RunSourceReader>();
        var prefix = await reader.EstimateRecordsAsync(new RunSource(RunSourceKinds.BlobPrefix, "sizing/day/"), CancellationToken.None);
        var queued = await reader.EstimateRecordsAsync(new RunSource(RunSourceKinds.Queue, "sizing-intake"), CancellationToken.None);
        var missing = await reader.EstimateRecordsAsync(new RunSource(RunSourceKinds.Queue, "no-such-queue"), CancellationToken.None);

        Assert.InRange(prefix, 3_500 * 0.95, 3_500 * 1.05);
        Assert.Equal((25, 0), (queued, missing));
    }

    /// <summary>Ticket lines whose lengths vary, as real ones do.</summary>
    private static IEnumerable<string> Lines(int count) =>
        Enumerable.Range(0, count).Select(i => $$"""{"id":"t-{{i}}","body":"{{new string('x', 20 + (i * 7 % 60))}}"}""");

    private static JobSpec Spec(int? chunkSize) =>
        JobSpecParser.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "jobs", "classify-tickets.json"))) with { ChunkSize = chunkSize };
}
