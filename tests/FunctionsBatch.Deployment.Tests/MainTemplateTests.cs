using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>infra/main.bicep as azd consumes it: subscription scope, its outputs and its parameters file.</summary>
public sealed partial class MainTemplateTests
{
    public static TheoryData<string> AzdOutputs => new(
        "AZURE_LOCATION",
        "AZURE_TENANT_ID",
        "AZURE_RESOURCE_GROUP",
        "AZURE_FUNCTION_APP_NAME",
        "AZURE_FUNCTION_URL",
        "AZURE_OPENAI_ENDPOINT",
        "AZURE_STORAGE_ACCOUNT_NAME",
        "APPLICATIONINSIGHTS_CONNECTION_STRING");

    [Fact]
    public async Task Main_Compiled_TargetsTheSubscriptionAndCreatesTheEnvironmentsResourceGroup()
    {
        var main = await ArmTemplate.CompileMainAsync();

        Assert.Contains("subscriptionDeploymentTemplate.json", ArmTemplate.Text(main.Json["$schema"]), StringComparison.Ordinal);
        var (rg, _) = main.Single("Microsoft.Resources/resourceGroups");
        Assert.Equal("[format('rg-{0}', parameters('environmentName'))]", ArmTemplate.Text(rg["name"]));
        Assert.NotNull(main.Resolve(rg["tags"])?["azd-env-name"]);
    }

    [Theory]
    [MemberData(nameof(AzdOutputs))]
    public async Task Outputs_Main_IncludeWhatAzdAndTheAppRead(string output)
    {
        var main = await ArmTemplate.CompileMainAsync();

        var outputs = main.Json["outputs"]!.AsObject();
        Assert.True(outputs.ContainsKey(output), $"main.bicep has no output {output}; it has {string.Join(", ", outputs.Select(o => o.Key))}");
        Assert.Equal("string", ArmTemplate.Text(outputs[output]!["type"]));
    }

    [Fact]
    public async Task Outputs_Main_AreAllUpperSnakeCase()
    {
        var main = await ArmTemplate.CompileMainAsync();

        var names = main.Json["outputs"]!.AsObject().Select(o => o.Key).ToList();

        Assert.All(names, name => Assert.Matches(UpperSnake(), name));
    }

    [Fact]
    public async Task Parameters_File_NamesOnlyDeclaredParametersAndEveryRequiredOne()
    {
        var main = await ArmTemplate.CompileMainAsync();
        var declared = main.Json["parameters"]!.AsObject();
        var file = ReadParametersFile();

        var given = file.Select(p => p.Key).ToList();
        var required = declared.Where(p => p.Value is JsonObject definition && !definition.ContainsKey("defaultValue")).Select(p => p.Key);

        Assert.All(given, name => Assert.True(declared.ContainsKey(name), $"main.parameters.json sets {name}, which main.bicep does not declare"));
        Assert.All(required, name => Assert.Contains(name, given));
    }

    [Theory]
    [InlineData("environmentName", "${AZURE_ENV_NAME}")]
    [InlineData("location", "${AZURE_LOCATION}")]
    [InlineData("principalId", "${AZURE_PRINCIPAL_ID}")]
    public void Parameters_File_TakesAzdEnvironmentValues(string parameter, string expected)
    {
        var file = ReadParametersFile();

        Assert.Equal(expected, ArmTemplate.Text(file[parameter]?["value"]));
    }

    [Fact]
    public async Task Resources_EveryTrackedResource_CarriesTags()
    {
        var main = await ArmTemplate.CompileMainAsync();

        var untagged = main.AllResources()
            .Where(r => r.Resource.ContainsKey("location") && ArmTemplate.Text(r.Resource["type"]) != "Microsoft.Resources/deployments")
            .Where(r => r.Resource["tags"] is null)
            .Select(r => ArmTemplate.Text(r.Resource["type"]))
            .ToList();

        Assert.Empty(untagged);
    }

    private static JsonObject ReadParametersFile()
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Infra, "main.parameters.json")))!.AsObject();
        return json["parameters"]!.AsObject();
    }

    [GeneratedRegex("^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$")]
    private static partial Regex UpperSnake();
}
