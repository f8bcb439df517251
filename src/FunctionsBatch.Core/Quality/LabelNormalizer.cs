namespace FunctionsBatch.Core.Quality;

/// <summary>Labels are compared trimmed and upper-cased (invariant culture), so " cat" and "CAT" are one label.</summary>
internal static class LabelNormalizer
{
    /// <summary>The normalized label, or null when there is none (null, empty or whitespace).</summary>
    public static string? Normalize(string? label) =>
        string.IsNullOrWhiteSpace(label) ? null : label.Trim().ToUpperInvariant();
}
