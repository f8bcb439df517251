namespace FunctionsBatch.Core.Runs;

public static class RunSourceKinds
{
    /// <summary>JSONL written by the HTTP starter into the runs container.</summary>
    public const string StagedBlob = "blob";

    /// <summary>A JSONL file on the host, named by a scheduled job's <c>input.path</c>.</summary>
    public const string File = "file";
}
