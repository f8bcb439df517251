namespace FunctionsBatch.Client;

/// <summary>The 202 body of <c>POST /api/runs</c> and <c>POST /api/runs/{id}/cancel</c>.</summary>
public sealed record StartedRunDto(string Id, string? StatusQueryGetUri, string? CancelPostUri, string? ResultsGetUri);
