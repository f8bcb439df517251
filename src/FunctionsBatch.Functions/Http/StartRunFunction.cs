using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace FunctionsBatch.Functions.Http;

public sealed class StartRunFunction(RunsApiFactory runs)
{
    [Function(nameof(StartRun))]
    public async Task<IActionResult> StartRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(req);

        // RunsApi bounds the body itself (RunsApiOptions.MaxRequestBytes) and answers 413 in the API's error
        // shape; Kestrel's own 30 MB default would otherwise cut in first with a bare exception.
        if (req.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = null;
        }

        var result = await runs.Create(client)
            .StartAsync(req.ContentType, req.Body, req.ContentLength, RequestBaseUrl.Of(req), cancellationToken)
            .ConfigureAwait(false);
        return new ApiActionResult(result);
    }
}
