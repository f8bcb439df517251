using System.Text.Json;

namespace FunctionsBatch.Client;

/// <summary>One page of <c>GET /api/runs/{id}/results</c>; rows stay raw JSON so they are written out unchanged.</summary>
public sealed record ResultsPageDto(IReadOnlyList<JsonElement>? Results, string? ContinuationToken);
