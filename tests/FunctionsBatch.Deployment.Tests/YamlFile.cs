using YamlDotNet.RepresentationModel;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>A YAML document read with YamlDotNet's representation model, with small lookups.</summary>
internal static class YamlFile
{
    public static YamlMappingNode Load(string path)
    {
        Assert.True(File.Exists(path), $"{path} is missing");
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }

        Assert.True(stream.Documents.Count == 1, $"{path}: expected one YAML document, found {stream.Documents.Count}");
        return Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
    }

    public static YamlNode? Get(this YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static YamlMappingNode Map(this YamlMappingNode map, string key) =>
        Assert.IsType<YamlMappingNode>(map.Get(key) ?? throw new Xunit.Sdk.XunitException($"no '{key}' at {map.Start}"));

    public static YamlSequenceNode Sequence(this YamlMappingNode map, string key) =>
        Assert.IsType<YamlSequenceNode>(map.Get(key) ?? throw new Xunit.Sdk.XunitException($"no '{key}' at {map.Start}"));

    public static string? Scalar(this YamlMappingNode map, string key) => (map.Get(key) as YamlScalarNode)?.Value;
}
