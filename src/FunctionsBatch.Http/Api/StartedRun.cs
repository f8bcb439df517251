using FunctionsBatch.Core.Estimation;

namespace FunctionsBatch.Http.Api;

/// <summary>The 202 body of a started run: its links, and for inline records the estimate made before spending.</summary>
public sealed record StartedRun(string Id, string StatusQueryGetUri, string CancelPostUri, string ResultsGetUri, string RetryFailedPostUri, RunEstimate? Estimate)
{
    public StartedRun(RunLinks links, RunEstimate? estimate)
        : this(links.Id, links.StatusQueryGetUri, links.CancelPostUri, links.ResultsGetUri, links.RetryFailedPostUri, estimate)
    {
        ArgumentNullException.ThrowIfNull(links);
    }
}
