using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Processing;
using FunctionsBatch.Orchestration.Tests.Fakes;

namespace FunctionsBatch.Orchestration.Tests;

public sealed class ResultWriterTests
{
    private readonly FakeRunResultStore _store = new();

    [Fact]
    public async Task AddAsync_BatchFills_WritesItWithoutWaitingForFlush()
    {
        var writer = new ResultWriter(_store, batchSize: 3);

        foreach (var id in new[] { "a", "b", "c", "d" })
        {
            await writer.AddAsync(Row(id), CancellationToken.None);
        }

        var batch = Assert.Single(_store.Batches);
        Assert.Equal(["a", "b", "c"], batch.Select(r => r.RecordId));
    }

    [Fact]
    public async Task AddAsync_OldestRowWaitedLongerThanMaxAge_WritesThePartialBatch()
    {
        var writer = new ResultWriter(_store, batchSize: 100);

        await writer.AddAsync(Row("slow-1"), CancellationToken.None);
        Assert.Empty(_store.Batches);
        await Task.Delay(ResultWriter.MaxPendingAge + TimeSpan.FromMilliseconds(100));
        await writer.AddAsync(Row("slow-2"), CancellationToken.None);

        var batch = Assert.Single(_store.Batches);
        Assert.Equal(["slow-1", "slow-2"], batch.Select(r => r.RecordId));
    }

    [Fact]
    public async Task FlushAsync_WritesTheRestOnceAndNothingWhenEmpty()
    {
        var writer = new ResultWriter(_store, batchSize: 100);
        await writer.AddAsync(Row("a"), CancellationToken.None);
        await writer.AddAsync(Row("b"), CancellationToken.None);

        await writer.FlushAsync(CancellationToken.None);
        await writer.FlushAsync(CancellationToken.None);

        var batch = Assert.Single(_store.Batches);
        Assert.Equal(["a", "b"], batch.Select(r => r.RecordId));
    }

    private static RecordResult Row(string id) =>
        new("run-1", id, 0, RecordStatus.Succeeded, "{}", TokenUsage.Zero, 5, 1, 200, null, null);
}
