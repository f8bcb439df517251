using System.Collections.Concurrent;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Orchestration.Tests.Fakes;

/// <summary>
/// A chunk processor whose result comes from a callback (given the chunk and which attempt this is). It records
/// every attempt, every summary it returned, and the most attempts that were running at the same time.
/// </summary>
public sealed class FakeChunkProcessor : IChunkProcessor
{
    private readonly ConcurrentQueue<ChunkRef> _attempts = new();
    private readonly ConcurrentQueue<ChunkSummary> _returned = new();
    private readonly ConcurrentDictionary<int, int> _attemptsPerChunk = new();
    private readonly ConcurrentDictionary<int, int> _concurrencyAtStart = new();
    private int _running;
    private int _maxRunning;

    public FakeChunkProcessor(Func<ChunkRef, int, Task<ChunkSummary>> onProcess)
    {
        OnProcess = onProcess;
    }

    /// <summary>Produces a chunk's summary; the second argument is the attempt number, starting at 1.</summary>
    public Func<ChunkRef, int, Task<ChunkSummary>> OnProcess { get; set; }

    /// <summary>Time each attempt takes before <see cref="OnProcess"/> runs, so overlapping attempts can be seen.</summary>
    public TimeSpan Delay { get; set; }

    public IReadOnlyList<ChunkRef> Attempts => _attempts.ToArray();

    public IReadOnlyList<ChunkSummary> Returned => _returned.ToArray();

    public int MaxConcurrency => Volatile.Read(ref _maxRunning);

    /// <summary>How many attempts were running (this one included) when each chunk's first attempt started.</summary>
    public IReadOnlyDictionary<int, int> ConcurrencyAtStart => _concurrencyAtStart;

    public int AttemptsOf(int chunkIndex) => _attemptsPerChunk.GetValueOrDefault(chunkIndex);

    /// <summary>The callback decides what a chunk yields; which of its records are asked for does not change that here.</summary>
    public Task<ChunkSummary> ProcessAsync(ChunkRef chunk, IReadOnlySet<string>? only, int round, CancellationToken cancellationToken) =>
        ProcessAsync(chunk, cancellationToken);

    public async Task<ChunkSummary> ProcessAsync(ChunkRef chunk, CancellationToken cancellationToken)
    {
        var attempt = _attemptsPerChunk.AddOrUpdate(chunk.ChunkIndex, 1, (_, n) => n + 1);
        _attempts.Enqueue(chunk);
        var running = Interlocked.Increment(ref _running);
        _concurrencyAtStart.TryAdd(chunk.ChunkIndex, running);
        int max;
        while (running > (max = Volatile.Read(ref _maxRunning)) && Interlocked.CompareExchange(ref _maxRunning, running, max) != max)
        {
        }

        try
        {
            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, cancellationToken).ConfigureAwait(false);
            }

            var summary = await OnProcess(chunk, attempt).ConfigureAwait(false);
            _returned.Enqueue(summary);
            return summary;
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }
}
