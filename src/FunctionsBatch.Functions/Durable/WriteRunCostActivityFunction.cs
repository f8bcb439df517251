using FunctionsBatch.Core.Runs;
using FunctionsBatch.Orchestration.Activities;
using Microsoft.Azure.Functions.Worker;

namespace FunctionsBatch.Functions.Durable;

/// <summary>Runs the same <see cref="WriteRunCostActivity"/> class the local host registers, so both hosts share one code path.</summary>
public sealed class WriteRunCostActivityFunction(WriteRunCostActivity activity)
{
    [Function(nameof(WriteRunCostActivity))]
    public Task<RunSummary> RunAsync([ActivityTrigger] RunSummary input, string instanceId) =>
        activity.RunAsync(new FunctionActivityContext(nameof(WriteRunCostActivity), instanceId), input);
}
