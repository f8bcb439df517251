using FunctionsBatch.Core.Runs;
using Microsoft.DurableTask;

namespace FunctionsBatch.Orchestration.Activities;

/// <summary>Exports a finished run's results as a JSONL blob and, for a queue-fed run, poisons its failed records.</summary>
public sealed class ExportResultsActivity(IRunExporter exporter) : TaskActivity<ExportRequest, RunExport>
{
    public override Task<RunExport> RunAsync(TaskActivityContext context, ExportRequest input) =>
        exporter.ExportAsync(input, CancellationToken.None);
}
