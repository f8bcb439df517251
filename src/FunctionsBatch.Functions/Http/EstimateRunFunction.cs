using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsBatch.Functions.Http;

public sealed class EstimateRunFunction(RunsApiFactory runs)
{
    [Function(nameof(EstimateRun))]
    public async Task<IActionResult> EstimateRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs/estimate")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var result = await runs.Create(client)
            .EstimateAsync(req.ContentType, req.Body, req.ContentLength, cancellationToken)
            .ConfigureAwait(false);
        return new ApiActionResult(result);
    }
}
