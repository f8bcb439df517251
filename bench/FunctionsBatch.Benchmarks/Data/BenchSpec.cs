using System.Text.Json.Nodes;
using FunctionsBatch.Benchmarks.Infrastructure;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Benchmarks.Data;

/// <summary>The shipped classify-tickets job as an inline spec, with the knobs a scenario turns.</summary>
/// <param name="Reprocess">Skip the record-ledger lookup (answers already paid for in earlier runs); the default run does the lookup.</param>
public sealed record BenchSpec(int ChunkSize, int MaxParallelChunks, int MaxConcurrentRequestsPerChunk, int ChunksPerGroup, int MaxOutputTokens, bool Reprocess = false)
{
    public const string Deployment = "gpt-4o-mini";

    public int InFlightCap => MaxParallelChunks * MaxConcurrentRequestsPerChunk;

    public JsonObject ToJson()
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "jobs", "classify-tickets.json")))!.AsObject();
        spec["name"] = "bench-classify-tickets";
        spec["chunkSize"] = ChunkSize;
        spec["maxParallelChunks"] = MaxParallelChunks;
        spec["maxConcurrentRequestsPerChunk"] = MaxConcurrentRequestsPerChunk;
        spec["chunksPerGroup"] = ChunksPerGroup;
        spec["maxOutputTokens"] = MaxOutputTokens;
        if (Reprocess)
        {
            spec["reprocess"] = true;
        }

        spec.Remove("schedule");
        spec.Remove("input");
        return spec;
    }

    /// <summary>The same spec parsed, for the baselines that render the same prompts.</summary>
    public JobSpec ToJobSpec() => JobSpecParser.Parse(ToJson().ToJsonString());

    /// <summary>The body of <c>POST /api/runs</c> for a file under the host's content root.</summary>
    public JsonObject RunRequest(string inputPath) => new()
    {
        ["spec"] = ToJson(),
        ["input"] = new JsonObject { ["path"] = inputPath },
    };
}
