namespace FunctionsBatch.Core.Runs;

/// <summary>Where a run's records come from before staging.</summary>
/// <param name="Kind"><see cref="RunSourceKinds"/>.</param>
/// <param name="Location">
/// A blob name in the runs container, a file path the host can read, <c>container/name</c> of one blob,
/// <c>container/prefix</c> of a set of blobs, or a queue name.
/// </param>
/// <param name="Format"><see cref="InputFormats"/>: how each blob or file is read (JSON lines or CSV with a header row).</param>
public sealed record RunSource(string Kind, string Location, string Format = InputFormats.Jsonl);
