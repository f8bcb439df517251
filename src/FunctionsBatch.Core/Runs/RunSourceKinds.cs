namespace FunctionsBatch.Core.Runs;

public static class RunSourceKinds
{
    /// <summary>JSONL written by the HTTP starter into the runs container.</summary>
    public const string StagedBlob = "blob";

    /// <summary>A JSONL blob named <c>container/name</c> in the storage account, streamed at staging.</summary>
    public const string Blob = "external-blob";

    /// <summary>Every blob under <c>container/prefix</c>, in name order, as JSONL or CSV, streamed at staging.</summary>
    public const string BlobPrefix = "blob-prefix";

    /// <summary>A Storage queue drained at staging: one record per message.</summary>
    public const string Queue = "queue";

    /// <summary>A JSONL file on the host, named by a scheduled job's <c>input.path</c>.</summary>
    public const string File = "file";
}
