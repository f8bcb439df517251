using System.Globalization;

namespace FunctionsBatch.Core.Runs;

/// <summary>
/// One step's share of a run's results export: the terminal rows that one step wrote (the input lines staging
/// rejected, a chunk's online processing, a batch's records settled before submission, or a batch's collected
/// answers) in one round. A step run again names the same part, so it replaces its part instead of adding a second one.
/// </summary>
public sealed record ExportPart(string Job, string RunId, int ChunkIndex, char Step, int Round)
{
    /// <summary>The number of characters in every <see cref="Key"/>.</summary>
    public const int KeyLength = 12;

    public const char Rejected = 'r';
    public const char Online = 'o';
    public const char BatchSettled = 's';
    public const char BatchCollected = 'c';

    /// <summary>
    /// The part's place in the export: chunk first, so the export follows the input's order. The chunk index is
    /// shifted by one so the rejected lines (chunk -1) come first and every key has <see cref="KeyLength"/> characters.
    /// </summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{ChunkIndex + 1:D8}{Step}{Round:D3}");

    /// <summary>The input lines staging rejected: they have rows (skipped) but no chunk.</summary>
    public static ExportPart RejectedLines(string job, string runId) => new(job, runId, -1, Rejected, 0);
}
