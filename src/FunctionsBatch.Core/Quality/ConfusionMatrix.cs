namespace FunctionsBatch.Core.Quality;

/// <summary>
/// How many records of each expected label got each predicted label. Labels are the normalized
/// (trimmed, upper-cased) forms, sorted ordinally; a missing prediction is the column <see cref="MissingLabel"/>, listed last.
/// </summary>
public sealed class ConfusionMatrix
{
    /// <summary>The predicted label of a record the model gave no label for.</summary>
    public const string MissingLabel = "(missing)";

    private readonly Dictionary<(string Expected, string Predicted), int> _counts;

    internal ConfusionMatrix(Dictionary<(string Expected, string Predicted), int> counts)
    {
        _counts = counts;
        ExpectedLabels = counts.Keys.Select(key => key.Expected).Distinct().Order(StringComparer.Ordinal).ToArray();
        PredictedLabels = counts.Keys.Select(key => key.Predicted).Distinct()
            .OrderBy(label => label == MissingLabel)
            .ThenBy(label => label, StringComparer.Ordinal)
            .ToArray();
        Total = counts.Values.Sum();
    }

    /// <summary>Rows: every label some record was expected to get.</summary>
    public IReadOnlyList<string> ExpectedLabels { get; }

    /// <summary>Columns: every label the model gave, then <see cref="MissingLabel"/> if any answer had none.</summary>
    public IReadOnlyList<string> PredictedLabels { get; }

    /// <summary>Records counted.</summary>
    public int Total { get; }

    /// <summary>Records expected as <paramref name="expected"/> that were predicted as <paramref name="predicted"/> (labels compared normalized).</summary>
    public int Count(string expected, string? predicted)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var expectedKey = LabelNormalizer.Normalize(expected);
        if (expectedKey is null)
        {
            return 0;
        }

        var predictedKey = predicted == MissingLabel ? MissingLabel : LabelNormalizer.Normalize(predicted) ?? MissingLabel;
        return _counts.GetValueOrDefault((expectedKey, predictedKey));
    }
}
