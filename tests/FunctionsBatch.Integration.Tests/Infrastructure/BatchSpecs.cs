using System.Text.Json.Nodes;

namespace FunctionsBatch.Integration.Tests.Infrastructure;

/// <summary>The shipped classify-tickets spec in batch mode, polling fast enough for a test.</summary>
public static class BatchSpecs
{
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
