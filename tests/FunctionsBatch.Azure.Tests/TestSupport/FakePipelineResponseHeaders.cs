using System.ClientModel.Primitives;

namespace FunctionsBatch.Azure.Tests.TestSupport;

/// <summary>Response headers looked up case-insensitively, as HttpClient's are.</summary>
public sealed class FakePipelineResponseHeaders(IReadOnlyDictionary<string, string> values) : PipelineResponseHeaders
{
    private readonly Dictionary<string, string> _values = new(values, StringComparer.OrdinalIgnoreCase);

    public override bool TryGetValue(string name, out string? value)
    {
        var found = _values.TryGetValue(name, out var text);
        value = text;
        return found;
    }

    public override bool TryGetValues(string name, out IEnumerable<string>? values)
    {
        var found = _values.TryGetValue(name, out var text);
        values = found ? [text!] : null;
        return found;
    }

    public override IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();
}
