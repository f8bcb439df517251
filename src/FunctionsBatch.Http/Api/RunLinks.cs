namespace FunctionsBatch.Http.Api;

/// <summary>The management URLs of a run, in the Durable HTTP API's style.</summary>
public sealed record RunLinks(string Id, string StatusQueryGetUri, string CancelPostUri, string ResultsGetUri, string RetryFailedPostUri)
{
    public static RunLinks For(string runId, string baseUrl) => new(
        runId,
        StatusUrl(runId, baseUrl),
        $"{Runs(baseUrl)}/{Uri.EscapeDataString(runId)}/cancel",
        $"{Runs(baseUrl)}/{Uri.EscapeDataString(runId)}/results",
        $"{Runs(baseUrl)}/{Uri.EscapeDataString(runId)}/retry-failed");

    public static string StatusUrl(string runId, string baseUrl) => $"{Runs(baseUrl)}/{Uri.EscapeDataString(runId)}";

    private static string Runs(string baseUrl) => $"{baseUrl.TrimEnd('/')}/api/runs";
}
