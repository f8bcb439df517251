namespace FunctionsBatch.Core.Runs;

public static class InputFormats
{
    /// <summary>One JSON object per line.</summary>
    public const string Jsonl = "jsonl";

    /// <summary>RFC 4180 CSV with a header row naming the fields; an <c>id</c> column is required.</summary>
    public const string Csv = "csv";
}
