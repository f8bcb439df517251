using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Simulator.Generation;

/// <summary>Cuts text to the longest prefix that fits a token budget, as a model stopped by max_tokens would.</summary>
public static class TokenTruncator
{
    public static string Truncate(string text, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (maxTokens <= 0)
        {
            return string.Empty;
        }

        if (ChatTokenCounter.CountText(text) <= maxTokens)
        {
            return text;
        }

        var low = 0;
        var high = text.Length;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (ChatTokenCounter.CountText(text[..mid]) <= maxTokens)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        // Token counts of prefixes are not strictly monotonic, so step back until the prefix really fits.
        while (low > 0 && (char.IsHighSurrogate(text[low - 1]) || ChatTokenCounter.CountText(text[..low]) > maxTokens))
        {
            low--;
        }

        return text[..low];
    }
}
