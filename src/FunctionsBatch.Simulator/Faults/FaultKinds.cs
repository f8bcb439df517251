namespace FunctionsBatch.Simulator.Faults;

/// <summary>The names fault kinds go by in the <c>x-sim-fault</c> header and in <c>/sim/stats</c>.</summary>
public static class FaultKinds
{
    private static readonly string[] Names =
        ["throttle", "server_error", "slow", "reset", "truncated", "content_filter", "schema_violation", "no_choices"];

    public static IReadOnlyList<FaultKind> All { get; } = Enum.GetValues<FaultKind>();

    public static string Name(FaultKind kind) => Names[(int)kind];

    public static bool TryParse(string name, out FaultKind kind)
    {
        var index = Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        kind = index >= 0 ? (FaultKind)index : default;
        return index >= 0;
    }

    public static string KnownNames => string.Join(", ", Names) + ", none";
}
