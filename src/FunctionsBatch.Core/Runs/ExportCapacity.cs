using System.Globalization;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Runs;

/// <summary>
/// How many chunks a run's results export can hold. The export is one blob made of one block per
/// <see cref="ExportPart"/>, and a blob holds at most <see cref="MaxParts"/> blocks; checked right after staging,
/// so a run that could not be exported stops before it calls the model instead of after.
/// </summary>
public static class ExportCapacity
{
    public const int MaxParts = 50_000;

    /// <summary>The input lines staging rejected take one part of their own.</summary>
    private const int RejectedLinesParts = 1;

    /// <summary>
    /// Parts one chunk can stage: one online; in batch mode, its records settled before submission, one collected
    /// batch per round (the first and every resubmission) and the online leftovers.
    /// </summary>
    public static int PartsPerChunk(string mode, BatchOptions batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return mode == RunModes.Batch ? 1 + (batch.MaxResubmits + 1) + 1 : 1;
    }

    /// <summary>Why the staged run cannot be exported whole (which field, and the smallest value that fits), or null when it can.</summary>
    public static string? Problem(StagingResult staging, string mode, JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(staging);
        ArgumentNullException.ThrowIfNull(spec);
        var perChunk = PartsPerChunk(mode, spec.Batch);
        var maxChunks = (MaxParts - RejectedLinesParts) / perChunk;
        if (staging.ChunkCount <= maxChunks)
        {
            return null;
        }

        var smallestChunk = (staging.RecordCount + maxChunks - 1) / maxChunks;
        return string.Create(CultureInfo.InvariantCulture,
            $"$.spec.chunkSize: {staging.ChunkSize} splits the {staging.RecordCount:N0} records into {staging.ChunkCount:N0} chunks, and the results export holds at most {maxChunks:N0} chunks in {mode} mode; use a chunkSize of at least {smallestChunk}, or leave it out to have it derived");
    }
}
