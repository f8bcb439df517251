namespace FunctionsBatch.Core.Records;

/// <summary>What Table Storage allows in a PartitionKey or RowKey.</summary>
public static class TableKeys
{
    /// <summary>The characters a key may not hold: '/', '\', '#', '?' and control characters.</summary>
    public static bool IsForbidden(char c) => c is '/' or '\\' or '#' or '?' || char.IsControl(c);

    /// <summary>The text with each forbidden character replaced by '_' (for names that need not be unique).</summary>
    public static string Safe(string text) => string.Concat(text.Select(c => IsForbidden(c) ? '_' : c));
}
