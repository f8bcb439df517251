using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration;

/// <summary>Writes a finished run's results out of the results table, page by page.</summary>
public interface IRunExporter
{
    /// <summary>Overwrites the export, so a re-executed activity writes the same blob again.</summary>
    Task<RunExport> ExportAsync(ExportRequest request, CancellationToken cancellationToken);
}
