namespace FunctionsBatch.Core.Quality;

/// <summary>
/// How well a run's labels match the expected ones. Labels are compared trimmed and case-insensitively;
/// a missing answer is wrong and is predicted as <see cref="ConfusionMatrix.MissingLabel"/>.
/// </summary>
/// <param name="Accuracy">Share of records whose label matched, with its 95 % Wilson interval.</param>
/// <param name="MacroF1">Unweighted mean of the F1 of every expected label, so rare labels count as much as common ones; 0 with no records.</param>
/// <param name="Missing">Records the model gave no label for.</param>
/// <param name="Confusion">Counts of expected × predicted labels.</param>
/// <param name="Classes">Per-label scores for every expected or predicted label (not the missing one), sorted ordinally.</param>
public sealed record LabelScore(
    ProportionInterval Accuracy,
    double MacroF1,
    int Missing,
    ConfusionMatrix Confusion,
    IReadOnlyList<ClassScore> Classes)
{
    public static LabelScore Compute(IEnumerable<LabelPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var counts = new Dictionary<(string Expected, string Predicted), int>();
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        var predicted = new Dictionary<string, int>(StringComparer.Ordinal);
        var truePositives = new Dictionary<string, int>(StringComparer.Ordinal);
        var records = 0;
        var correct = 0;
        var missing = 0;
        foreach (var pair in pairs)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(pairs));
            var expected = LabelNormalizer.Normalize(pair.Expected)
                ?? throw new ArgumentException("Every pair needs an expected label.", nameof(pairs));
            var actual = LabelNormalizer.Normalize(pair.Actual);
            records++;
            support[expected] = support.GetValueOrDefault(expected) + 1;
            if (actual is null)
            {
                missing++;
            }
            else
            {
                predicted[actual] = predicted.GetValueOrDefault(actual) + 1;
            }

            if (actual == expected)
            {
                correct++;
                truePositives[expected] = truePositives.GetValueOrDefault(expected) + 1;
            }

            var cell = (expected, actual ?? ConfusionMatrix.MissingLabel);
            counts[cell] = counts.GetValueOrDefault(cell) + 1;
        }

        var classes = support.Keys.Union(predicted.Keys)
            .Order(StringComparer.Ordinal)
            .Select(label => Score(label, support.GetValueOrDefault(label), predicted.GetValueOrDefault(label), truePositives.GetValueOrDefault(label)))
            .ToArray();
        var expectedClasses = classes.Where(score => score.Support > 0).ToArray();
        var macroF1 = expectedClasses.Length == 0 ? 0 : expectedClasses.Average(score => score.F1);
        return new LabelScore(ProportionInterval.Wilson(correct, records), macroF1, missing, new ConfusionMatrix(counts), classes);
    }

    private static ClassScore Score(string label, int support, int predicted, int truePositives)
    {
        var precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        var recall = support == 0 ? 0 : (double)truePositives / support;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new ClassScore(label, support, predicted, truePositives, precision, recall, f1);
    }
}
