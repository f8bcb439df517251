using System.Text;

namespace FunctionsBatch.Core.Quality;

/// <summary>
/// SQuAD-style token-overlap F1 between an expected and an actual text: both are case-folded and split on
/// every character that is not a letter or digit, then compared as bags of tokens. Unlike SQuAD's script, articles are kept.
/// </summary>
public static class TokenOverlap
{
    /// <summary>
    /// Harmonic mean of precision (shared tokens / actual tokens) and recall (shared tokens / expected tokens);
    /// 1 when both texts have no tokens, 0 when only one has none.
    /// </summary>
    public static double F1(string? expected, string? actual)
    {
        var expectedTokens = Tokenize(expected);
        var actualTokens = Tokenize(actual);
        if (expectedTokens.Count == 0 || actualTokens.Count == 0)
        {
            return expectedTokens.Count == actualTokens.Count ? 1 : 0;
        }

        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in expectedTokens)
        {
            remaining[token] = remaining.GetValueOrDefault(token) + 1;
        }

        var shared = 0;
        foreach (var token in actualTokens)
        {
            if (remaining.GetValueOrDefault(token) > 0)
            {
                remaining[token]--;
                shared++;
            }
        }

        if (shared == 0)
        {
            return 0;
        }

        var precision = (double)shared / actualTokens.Count;
        var recall = (double)shared / expectedTokens.Count;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>Mean <see cref="F1(string?, string?)"/> over the pairs; 0 when there are none.</summary>
    public static double MeanF1(IEnumerable<TextPair> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var count = 0;
        var sum = 0.0;
        foreach (var pair in pairs)
        {
            ArgumentNullException.ThrowIfNull(pair, nameof(pairs));
            count++;
            sum += F1(pair.Expected, pair.Actual);
        }

        return count == 0 ? 0 : sum / count;
    }

    internal static List<string> Tokenize(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return tokens;
        }

        var current = new StringBuilder();
        foreach (var rune in text.ToUpperInvariant().EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
