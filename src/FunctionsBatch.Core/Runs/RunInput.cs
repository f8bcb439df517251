using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Runs;

/// <summary>The orchestration input: small on purpose. Records are staged in storage, not in history.</summary>
public sealed record RunInput(string RunId, JobSpec Spec, RunSource Source, string Trigger);
