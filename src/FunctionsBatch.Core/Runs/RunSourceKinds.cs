namespace FunctionsBatch.Core.Runs;

public static class RunSourceKinds
{
    /// <summary>JSONL written by the HTTP starter into the runs container.</summary>
    public const string StagedBlob = "blob";

    /// <summary>A JSONL blob named <c>container/name</c> in the storage account, streamed at staging.</summary>
    public const string Blob = "external-blob";

    /// <summary>A JSONL file on the host, named by a scheduled job's <c>input.path</c>.</summary>
    public const string File = "file";
}
