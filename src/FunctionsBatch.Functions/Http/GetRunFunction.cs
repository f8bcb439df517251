using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsBatch.Functions.Http;

public sealed class GetRunFunction(RunsApiFactory runs)
{
    [Function(nameof(GetRun))]
    public async Task<IActionResult> GetRun(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var result = await runs.Create(client).GetAsync(id, RequestBaseUrl.Of(req), cancellationToken).ConfigureAwait(false);
        return new ApiActionResult(result);
    }
}
