using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsBatch.Functions.Http;

public sealed class GetRunResultsFunction(RunsApiFactory runs)
{
    [Function(nameof(GetRunResults))]
    public async Task<IActionResult> GetRunResults(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}/results")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var result = await runs.Create(client)
            .GetResultsAsync(id, req.Query["status"], req.Query["pageSize"], req.Query["continuationToken"], cancellationToken)
            .ConfigureAwait(false);
        return new ApiActionResult(result);
    }
}
