using System.Text.Json.Nodes;

namespace FunctionsBatch.Integration.Tests.Infrastructure;

/// <summary>The shipped classify-tickets spec in batch mode, polling fast enough for a test.</summary>
public static class BatchSpecs
{
    /// <summary>The classify spec online (<c>online</c>) or in batch mode (<c>batch</c>).</summary>
    public static JsonObject ClassifyIn(string mode, int chunkSize, int maxParallelChunks) =>
        mode == "batch" ? Classify(chunkSize, maxParallelChunks) : JobSpecs.Classify(chunkSize, maxParallelChunks);

    /// <summary>Simulator settings that finish a batch within a second, for tests that run batch mode.</summary>
    public static Dictionary<string, string> FastSimulator() => new()
    {
        ["Simulator__Batch__CompletionDelayMs"] = "500",
        ["Simulator__Batch__ValidationDelayMs"] = "100",
    };

    public static JsonObject Classify(int chunkSize, int maxParallelChunks, string resubmit = "online", int quotaWaitSeconds = 1)
    {
        var spec = JobSpecs.Classify(chunkSize, maxParallelChunks);
        spec["mode"] = "batch";
        spec["reprocess"] = true;
        spec["batch"] = new JsonObject
        {
            ["resubmit"] = resubmit,
            ["pollInitialSeconds"] = 1,
            ["pollMaxSeconds"] = 2,
            ["quotaWaitSeconds"] = quotaWaitSeconds,
        };
        return spec;
    }
}
