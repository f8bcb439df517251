using System.Globalization;
using FunctionsBatch.Simulator.Chat;
using Microsoft.Extensions.Primitives;

namespace FunctionsBatch.Simulator.Faults;

/// <summary>
/// Reads <c>x-sim-fault: kind[=value][;kind[=value]...]</c>. Kinds: throttle[=retryAfterMs], server_error[=status],
/// slow[=ms], reset, truncated, content_filter, schema_violation, and none (no fault, whatever is configured).
/// </summary>
public static class FaultHeader
{
    public const string Name = "x-sim-fault";

    /// <returns>Null when the header is absent; otherwise the forced faults (empty for <c>none</c>).</returns>
    /// <exception cref="InvalidChatRequestException">The header names an unknown kind or a bad value.</exception>
    public static IReadOnlyList<ForcedFault>? Parse(StringValues values)
    {
        if (StringValues.IsNullOrEmpty(values))
        {
            return null;
        }

        var result = new List<ForcedFault>();
        var parts = string.Join(';', values.ToArray())
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? part : part[..equals].Trim();
            var text = equals < 0 ? null : part[(equals + 1)..].Trim();
            if (string.Equals(name, "none", StringComparison.OrdinalIgnoreCase) && text is null)
            {
                continue;
            }

            if (!FaultKinds.TryParse(name, out var kind))
            {
                throw Invalid($"Unknown {Name} kind '{name}'. Known kinds: {FaultKinds.KnownNames}.");
            }

            result.Add(new ForcedFault(kind, text is null ? null : ReadValue(kind, text)));
        }

        return result;
    }

    private static int ReadValue(FaultKind kind, string text)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid($"The {Name} value '{text}' of '{FaultKinds.Name(kind)}' is not a non-negative integer.");
        }

        return kind switch
        {
            FaultKind.Throttle or FaultKind.Slow => value,
            FaultKind.ServerError when value is >= 500 and <= 599 => value,
            FaultKind.ServerError => throw Invalid($"The {Name} status of 'server_error' must be 500 to 599, not {value}."),
            _ => throw Invalid($"The {Name} kind '{FaultKinds.Name(kind)}' takes no value."),
        };
    }

    private static InvalidChatRequestException Invalid(string message) => new("invalid_value", message, Name);
}
