using System.Text.RegularExpressions;

namespace FunctionsBatch.Core.Intake;

/// <summary>Storage queue names: 3-63 lower-case letters, digits and single hyphens, starting and ending with a letter or digit.</summary>
public static partial class QueueNames
{
    public const string PoisonSuffix = "-poison";

    /// <summary>Room left for <see cref="PoisonSuffix"/>: the poison queue's name must be legal too.</summary>
    public const int MaxLength = 63 - 7;

    /// <summary>The queue that receives malformed messages and records that failed for good.</summary>
    public static string PoisonOf(string queue) => queue + PoisonSuffix;

    /// <summary>Why <paramref name="name"/> cannot name an intake queue, or null when it can.</summary>
    public static string? Check(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < 3 or > MaxLength)
        {
            return $"must be 3 to {MaxLength} characters (so that '{{name}}{PoisonSuffix}' is a legal queue name too), was {name.Length}";
        }

        return Legal().IsMatch(name)
            ? null
            : "must be lower-case letters, digits and single hyphens, starting and ending with a letter or digit";
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$", RegexOptions.CultureInvariant)]
    private static partial Regex Legal();
}
