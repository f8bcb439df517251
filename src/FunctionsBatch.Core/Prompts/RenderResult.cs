namespace FunctionsBatch.Core.Prompts;

/// <summary>Either the rendered text or the fields the record lacks.</summary>
public sealed record RenderResult(string? Text, IReadOnlyList<string> Missing)
{
    public bool Succeeded => Text is not null;

    public static RenderResult Rendered(string text) => new(text, []);

    public static RenderResult MissingFields(IReadOnlyList<string> fields) => new(null, fields);
}
