using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsBatch.Functions.Http;

public sealed class GetRunReportFunction(RunsApiFactory runs)
{
    [Function(nameof(GetRunReport))]
    public async Task<IActionResult> GetRunReport(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}/report")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);
        var result = await runs.Create(client).GetReportAsync(id, RequestBaseUrl.Of(req), cancellationToken).ConfigureAwait(false);
        return new ApiActionResult(result);
    }
}
