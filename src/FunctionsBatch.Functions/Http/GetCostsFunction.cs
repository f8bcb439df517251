using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsBatch.Functions.Http;

public sealed class GetCostsFunction(RunsApiFactory runs)
{
    [Function(nameof(GetCosts))]
    public async Task<IActionResult> GetCosts(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "costs")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var result = await runs.Create(client)
            .GetCostsAsync(req.Query["from"], req.Query["to"], req.Query["groupBy"], cancellationToken)
            .ConfigureAwait(false);
        return new ApiActionResult(result);
    }
}
