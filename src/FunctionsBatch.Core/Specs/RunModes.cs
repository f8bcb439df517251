namespace FunctionsBatch.Core.Specs;

/// <summary>How a job calls the model: chat completions at list price, the Batch API at the batch price, or whichever meets the deadline.</summary>
public static class RunModes
{
    public const string Online = "online";
    public const string Batch = "batch";
    public const string Auto = "auto";

    /// <summary>Not a spec value: a run's total when it used both online and batch calls.</summary>
    public const string Mixed = "mixed";

    public static readonly IReadOnlyList<string> All = [Online, Batch, Auto];
}
