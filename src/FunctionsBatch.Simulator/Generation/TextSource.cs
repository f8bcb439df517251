using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Simulator.Generation;

/// <summary>The words of the user's messages: material for plausible free text and for picking enum values.</summary>
public sealed partial class TextSource
{
    private static readonly string[] FallbackWords = ["this", "is", "a", "simulated", "response"];
    private readonly string _normalized;
    private readonly string[] _words;

    public TextSource(IReadOnlyList<ChatMessageText> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var user = messages.Where(m => m.Role == "user").Select(m => m.Content).ToList();
        var userText = string.Join('\n', user.Count > 0 ? user : messages.Select(m => m.Content));
        _normalized = Normalize(userText);
        var words = WordPattern().Matches(userText).Select(m => m.Value).ToArray();
        _words = words.Length > 0 ? words : FallbackWords;
    }

    /// <summary>
    /// The index of the enum value that appears earliest as a whole word in the user text (underscores and
    /// hyphens in a value also match spaces), or -1 when none does.
    /// </summary>
    public int FindMentioned(IReadOnlyList<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var best = -1;
        var bestPosition = int.MaxValue;
        for (var i = 0; i < values.Count; i++)
        {
            var position = FirstWholeWord(Normalize(values[i]).Trim());
            if (position >= 0 && position < bestPosition)
            {
                best = i;
                bestPosition = position;
            }
        }

        return best;
    }

    /// <summary>A short sentence of consecutive user words, fitted to the length bounds.</summary>
    public string Sentence(DeterministicRandom random, int? minLength = null, int? maxLength = null)
    {
        ArgumentNullException.ThrowIfNull(random);
        var count = Math.Min(_words.Length, 6 + random.NextIndex(7));
        var start = random.NextIndex(_words.Length - count + 1);
        var text = new StringBuilder(string.Join(' ', _words, start, count));
        text[0] = char.ToUpper(text[0], CultureInfo.InvariantCulture);
        text.Append('.');

        var next = start + count;
        while (minLength is { } min && text.Length < min)
        {
            text.Insert(text.Length - 1, ' ' + _words[next++ % _words.Length]);
        }

        return maxLength is { } max ? Truncate(text.ToString(), max) : text.ToString();
    }

    private static string Truncate(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        if (maxLength < 2)
        {
            return text[..Math.Max(0, maxLength)];
        }

        var cut = text[..(maxLength - 1)];
        var space = cut.LastIndexOf(' ');
        if (space > 0)
        {
            cut = cut[..space];
        }

        if (char.IsHighSurrogate(cut[^1]))
        {
            cut = cut[..^1];
        }

        return cut + ".";
    }

    private int FirstWholeWord(string word)
    {
        if (word.Length == 0)
        {
            return -1;
        }

        for (var at = _normalized.IndexOf(word, StringComparison.Ordinal); at >= 0; at = _normalized.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var end = at + word.Length;
            if ((at == 0 || !char.IsLetterOrDigit(_normalized[at - 1])) && (end == _normalized.Length || !char.IsLetterOrDigit(_normalized[end])))
            {
                return at;
            }
        }

        return -1;
    }

    private static string Normalize(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = char.ToLowerInvariant(source[i]);
                span[i] = c is '_' or '-' ? ' ' : c;
            }
        });

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")]
    private static partial Regex WordPattern();
}
