using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Activities;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Durable;

/// <summary>Runs the same <see cref="ExportResultsActivity"/> class the local host registers, so both hosts share one code path.</summary>
public sealed class ExportResultsActivityFunction(ExportResultsActivity activity)
{
    [Function(nameof(ExportResultsActivity))]
    public Task<RunExport> RunAsync([ActivityTrigger] ExportRequest input, string instanceId) =>
        activity.RunAsync(new FunctionActivityContext(nameof(ExportResultsActivity), instanceId), input);
}
