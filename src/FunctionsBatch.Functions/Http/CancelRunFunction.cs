using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsBatch.Functions.Http;

public sealed class CancelRunFunction(RunsApiFactory runs)
{
    [Function(nameof(CancelRun))]
    public async Task<IActionResult> CancelRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs/{id}/cancel")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var result = await runs.Create(client).CancelAsync(id, RequestBaseUrl.Of(req), cancellationToken).ConfigureAwait(false);
        return new ApiActionResult(result);
    }
}
