using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>
/// Reading compiled ARM JSON: the resources of nested (module) deployments included, and simple
/// <c>[parameters('x')]</c> / <c>[variables('x')]</c> expressions resolved through module boundaries to the
/// values a deployment with default parameters would get.
/// </summary>
internal sealed partial class ArmTemplate
{
    private readonly JsonObject _template;
    private readonly ArmTemplate? _parent;
    private readonly JsonObject? _deploymentParameters;

    private ArmTemplate(JsonObject template, ArmTemplate? parent, JsonObject? deploymentParameters)
    {
        _template = template;
        _parent = parent;
        _deploymentParameters = deploymentParameters;
    }

    public JsonObject Json => _template;

    public static async Task<ArmTemplate> CompileAsync(string bicepFile) => new(await BicepCli.CompileAsync(bicepFile), null, null);

    public static Task<ArmTemplate> CompileMainAsync() => CompileAsync(Path.Combine(RepoPaths.Infra, "main.bicep"));

    /// <summary>Every resource of this template and of its nested deployments, each with the template it sits in.</summary>
    public IEnumerable<(JsonObject Resource, ArmTemplate Scope)> AllResources()
    {
        foreach (var resource in TopLevelResources())
        {
            yield return (resource, this);
            if (Text(resource["type"]) == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                var child = new ArmTemplate(nested, this, resource["properties"]?["parameters"] as JsonObject);
                foreach (var inner in child.AllResources())
                {
                    yield return inner;
                }
            }
        }
    }

    public IReadOnlyList<(JsonObject Resource, ArmTemplate Scope)> OfType(string type) =>
        AllResources().Where(r => string.Equals(Text(r.Resource["type"]), type, StringComparison.OrdinalIgnoreCase)).ToList();

    public (JsonObject Resource, ArmTemplate Scope) Single(string type)
    {
        var matches = OfType(type);
        Assert.True(matches.Count == 1, $"expected one {type}, found {matches.Count}");
        return matches[0];
    }

    /// <summary>The template a module compiles to, by the module's deployment name.</summary>
    public ArmTemplate Module(string deploymentName)
    {
        var deployment = OfType("Microsoft.Resources/deployments").Single(d => Text(d.Resource["name"]) == deploymentName);
        return new ArmTemplate(
            deployment.Resource["properties"]!["template"]!.AsObject(),
            deployment.Scope,
            deployment.Resource["properties"]?["parameters"] as JsonObject);
    }

    /// <summary>The node with parameter and variable references followed (defaults for unset parameters).</summary>
    public JsonNode? Resolve(JsonNode? node)
    {
        if (Text(node) is not { } text)
        {
            return node;
        }

        var match = Reference().Match(text);
        if (!match.Success)
        {
            return node;
        }

        var name = match.Groups["name"].Value;
        if (match.Groups["kind"].Value == "variables")
        {
            return Resolve(_template["variables"]?[name]);
        }

        if (_deploymentParameters?[name] is JsonObject passed && passed.ContainsKey("value"))
        {
            return _parent!.Resolve(passed["value"]);
        }

        return Resolve(_template["parameters"]?[name]?["defaultValue"]);
    }

    public string? ResolveText(JsonNode? node) => Text(Resolve(node));

    public static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    /// <summary>Language version 2.0 templates keep resources in an object keyed by symbolic name, older ones in an array.</summary>
    private IEnumerable<JsonObject> TopLevelResources() =>
        _template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(p => p.Value).OfType<JsonObject>(),
            _ => [],
        };

    [GeneratedRegex(@"^\[(?<kind>parameters|variables)\('(?<name>[^']+)'\)\]$")]
    private static partial Regex Reference();
}
