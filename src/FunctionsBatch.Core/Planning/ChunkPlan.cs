namespace FunctionsBatch.Core.Planning;

/// <summary>How a run's records split into chunks: chunk i holds records [i × size, min((i + 1) × size, count)).</summary>
public sealed record ChunkPlan(int RecordCount, int ChunkSize)
{
    public int ChunkCount => RecordCount == 0 ? 0 : ((RecordCount - 1) / ChunkSize) + 1;

    public int FirstRecordOf(int chunkIndex) => checked(chunkIndex * ChunkSize);

    public int SizeOf(int chunkIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunkIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(chunkIndex, ChunkCount);
        return Math.Min(ChunkSize, RecordCount - FirstRecordOf(chunkIndex));
    }

    public int ChunkOf(int recordIndex) => recordIndex / ChunkSize;

    public static ChunkPlan For(int recordCount, int chunkSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(recordCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkSize, 1);
        return new ChunkPlan(recordCount, chunkSize);
    }
}
