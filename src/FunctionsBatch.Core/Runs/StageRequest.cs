using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Runs;

public sealed record StageRequest(string RunId, JobSpec Spec, RunSource Source);
