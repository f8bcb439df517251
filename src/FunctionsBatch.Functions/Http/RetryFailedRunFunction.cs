using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsBatch.Functions.Http;

public sealed class RetryFailedRunFunction(RunsApiFactory runs)
{
    [Function(nameof(RetryFailedRun))]
    public async Task<IActionResult> RetryFailedRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs/{id}/retry-failed")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var result = await runs.Create(client).RetryFailedAsync(id, RequestBaseUrl.Of(req), cancellationToken).ConfigureAwait(false);
        return new ApiActionResult(result);
    }
}
