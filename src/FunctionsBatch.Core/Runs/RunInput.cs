using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Runs;

/// <summary>The orchestration input: small on purpose. Records are staged in storage, not in history.</summary>
/// <param name="RetryOf">For a rerun of failures: the run whose failed records this run processes again.</param>
public sealed record RunInput(string RunId, JobSpec Spec, RunSource Source, string Trigger, string? RetryOf = null);
