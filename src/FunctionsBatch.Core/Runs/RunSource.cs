namespace FunctionsBatch.Core.Runs;

/// <summary>Where a run's records come from before staging.</summary>
/// <param name="Kind"><see cref="RunSourceKinds"/>.</param>
/// <param name="Location">A blob name in the runs container, or a file path the host can read.</param>
public sealed record RunSource(string Kind, string Location);
