using System.Globalization;

namespace FunctionsBatch.Core.Batch;

/// <summary>
/// The <c>custom_id</c> of a batch line: the chunk and the record's position in it, so every output line maps back
/// to exactly one staged record whatever characters the record's own id holds.
/// </summary>
public static class BatchCustomId
{
    public static string Format(int chunkIndex, int lineIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chunkIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(lineIndex);
        return string.Create(CultureInfo.InvariantCulture, $"c{chunkIndex}-r{lineIndex}");
    }

    /// <summary>The record position of a custom id written for <paramref name="chunkIndex"/>; false for anything else.</summary>
    public static bool TryParse(string? customId, int chunkIndex, out int lineIndex)
    {
        lineIndex = -1;
        var prefix = string.Create(CultureInfo.InvariantCulture, $"c{chunkIndex}-r");
        if (customId is null || !customId.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = customId.AsSpan(prefix.Length);
        // NumberStyles.None takes ASCII digits only: no sign, space or empty text; a leading zero would give a second id.
        return !(digits.Length > 1 && digits[0] == '0')
            && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out lineIndex);
    }
}
