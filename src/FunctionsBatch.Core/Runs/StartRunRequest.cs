using System.Text.Json;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Runs;

/// <summary>A validated <c>POST /api/runs</c> body: the spec to run and its records, or where to read them.</summary>
public sealed record StartRunRequest(JobSpec Spec, IReadOnlyList<JsonElement> Records, RunSource? Source = null);
