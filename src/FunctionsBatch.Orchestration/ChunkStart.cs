namespace FunctionsBatch.Orchestration;

/// <summary>What <see cref="IRunStaging.BeginChunkAsync"/> knows about earlier executions of one send of a chunk.</summary>
public enum ChunkStart
{
    /// <summary>The store cannot tell: rows may exist, and nothing is known of calls already paid for.</summary>
    Unknown,

    /// <summary>The first execution of this send: it has no rows of its own yet.</summary>
    First,

    /// <summary>An earlier execution of this send began and did not finish (a crash, a storage failure): it may have paid for calls whose rows it never wrote.</summary>
    Again,
}
