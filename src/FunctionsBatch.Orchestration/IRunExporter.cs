using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration;

/// <summary>
/// Builds a run's results export as it goes: each chunk step stages the rows it settled as one part, and the
/// finished run joins the parts. Nothing is read back from the results table, whose pages get slower to reach
/// the larger the run.
/// </summary>
public interface IRunExporter
{
    /// <summary>Stages <paramref name="rows"/> as <paramref name="part"/>; staging the same part again replaces it.</summary>
    Task StageAsync(ExportPart part, IReadOnlyList<RecordResult> rows, CancellationToken cancellationToken);

    /// <summary>Joins the staged parts in chunk order into the export; a re-executed activity joins them again.</summary>
    Task<RunExport> ExportAsync(ExportRequest request, CancellationToken cancellationToken);
}
