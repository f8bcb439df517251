namespace FunctionsBatch.Core.Models;

/// <summary>Context windows per deployment, so a record whose prompt cannot fit fails before any call is paid for.</summary>
public sealed class ModelLimits(IReadOnlyDictionary<string, int> contextWindows, int defaultContextWindow = ModelLimits.DefaultContextWindow)
{
    public const int DefaultContextWindow = 128_000;

    private readonly Dictionary<string, int> _contextWindows = new(contextWindows, StringComparer.OrdinalIgnoreCase);

    public static ModelLimits Default { get; } = new(new Dictionary<string, int>());

    public int ContextWindow(string model) => _contextWindows.GetValueOrDefault(model, defaultContextWindow);
}
