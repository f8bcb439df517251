namespace FunctionsBatch.Core.Runs;

/// <summary>A reference to one staged chunk; the activity reads the records and the spec from storage.</summary>
/// <param name="ThrottleDeadline">
/// When the chunk's records stop waiting through 429s and fail as <c>rate_limited</c>; set by the orchestrator at the
/// chunk's first dispatch and kept when a chunk whose records were still throttled at its time limit is sent again.
/// </param>
/// <param name="Send">How many times the chunk was sent before this send (again for records still throttled); 0 at first.</param>
public sealed record ChunkRef(string RunId, int ChunkIndex, DateTimeOffset? ThrottleDeadline = null, int Send = 0);
