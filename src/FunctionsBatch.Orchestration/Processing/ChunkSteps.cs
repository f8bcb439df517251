using System.Text.Json;
using FunctionsBatch.Core.Models;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// The steps a chunk takes before and after the model call, whichever way the model is called (online, or as batch
/// lines). Before: every record is prepared (<see cref="RecordPreparer"/>) and the chunk's content keys are looked up in
/// the ledger at once. After: the chunk's rows are staged for the export, fresh answers saved to the ledger, and the
/// counters priced at the mode's price into the chunk's summary.
/// </summary>
public sealed class ChunkSteps(IRecordLedger ledger, IRunExporter exporter, PriceTable prices, ModelLimits limits)
{
    /// <param name="useLedger">Whether answers of earlier runs may stand in for calls (never with the spec's <c>reprocess</c>).</param>
    public async Task<PreparedRecord[]> PrepareAsync(JobSpec spec, IReadOnlyList<JsonElement> records, bool useLedger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(records);
        var preparer = new RecordPreparer(spec, limits.ContextWindow(spec.Model));
        var prepared = records.Select(preparer.Prepare).ToArray();
        var keys = prepared.Where(p => p.NeedsCall).Select(p => p.ContentKey!).ToArray();
        if (!useLedger || spec.Reprocess || keys.Length == 0)
        {
            return prepared;
        }

        var known = await ledger.FindManyAsync(spec.Name, keys, cancellationToken).ConfigureAwait(false);
        return Array.ConvertAll(prepared, p => p.NeedsCall && known.TryGetValue(p.ContentKey!, out var entry) ? p with { Known = entry } : p);
    }

    /// <param name="rows">The rows this step settled (already written to the results table).</param>
    public async Task<ChunkSummary> FinishAsync(
        JobSpec spec, ExportPart part, IReadOnlyList<RecordResult> rows, RunCounters counters, string mode, long durationMs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(part);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count > 0)
        {
            await exporter.StageAsync(part, rows, cancellationToken).ConfigureAwait(false);
        }

        var answered = rows
            .Where(r => r is { Status: RecordStatus.Succeeded, FromLedger: false, ContentKey: not null, Output: not null })
            .Select(r => new LedgerEntry(r.ContentKey!, r.Output!, r.Usage, r.RunId, r.RecordId))
            .ToArray();
        if (answered.Length > 0)
        {
            await ledger.SaveAsync(spec.Name, answered, cancellationToken).ConfigureAwait(false);
        }

        return new ChunkSummary(part.ChunkIndex, mode, prices.Price(counters, spec.Model, mode), durationMs);
    }
}
