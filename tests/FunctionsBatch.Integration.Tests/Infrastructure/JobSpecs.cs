using System.Text.Json.Nodes;

namespace FunctionsBatch.Integration.Tests.Infrastructure;

/// <summary>The shipped classify-tickets spec as an inline spec, with the knobs a test turns.</summary>
public static class JobSpecs
{
    public static JsonObject Classify(int chunkSize, int maxParallelChunks, int concurrency = 8)
    {
        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "jobs", "classify-tickets.json")))!.AsObject();
        spec["chunkSize"] = chunkSize;
        spec["maxParallelChunks"] = maxParallelChunks;
        spec["maxConcurrentRequestsPerChunk"] = concurrency;
        spec.Remove("schedule");
        spec.Remove("input");
        return spec;
    }
}
