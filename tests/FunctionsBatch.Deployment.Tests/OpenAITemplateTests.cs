using System.Text.Json.Nodes;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>Azure OpenAI: keyless account, an online and a GlobalBatch deployment of gpt-4o-mini.</summary>
public sealed class OpenAITemplateTests
{
    [Fact]
    public async Task Account_Compiled_IsAnOpenAIAccountWithoutLocalAuth()
    {
        var (account, scope) = (await ArmTemplate.CompileMainAsync()).Single("Microsoft.CognitiveServices/accounts");

        Assert.Equal("OpenAI", scope.ResolveText(account["kind"]));
        Assert.True(scope.Resolve(account["properties"]?["disableLocalAuth"])?.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(scope.ResolveText(account["properties"]?["customSubDomainName"])),
            "token auth needs a custom subdomain");
    }

    [Theory]
    [InlineData("GlobalStandard")]
    [InlineData("GlobalBatch")]
    public async Task Deployments_Compiled_IncludeGpt4oMiniWithSku(string sku)
    {
        var deployments = (await ArmTemplate.CompileMainAsync()).OfType("Microsoft.CognitiveServices/accounts/deployments");

        Assert.Contains(deployments, d =>
            d.Scope.ResolveText(d.Resource["sku"]?["name"]) == sku
            && d.Scope.ResolveText(d.Resource["properties"]?["model"]?["name"]) == "gpt-4o-mini"
            && d.Scope.ResolveText(d.Resource["properties"]?["model"]?["format"]) == "OpenAI");
    }

    [Fact]
    public async Task Deployments_Compiled_AreCreatedOneAfterTheOther()
    {
        var deployments = (await ArmTemplate.CompileMainAsync()).OfType("Microsoft.CognitiveServices/accounts/deployments");

        var batch = deployments.Single(d => d.Scope.ResolveText(d.Resource["sku"]?["name"]) == "GlobalBatch").Resource;

        var dependsOn = batch["dependsOn"]?.AsArray().Select(ArmTemplate.Text).ToList() ?? [];
        Assert.Contains(dependsOn, d => d?.Contains("Microsoft.CognitiveServices/accounts/deployments", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task OnlineDeployment_Name_IsTheModelTheJobSpecsUse()
    {
        var openAi = (await ArmTemplate.CompileMainAsync()).Module("openai");
        var jobModels = RepoPaths.FilesUnder(RepoPaths.Combine("jobs"), ".json")
            .Select(f => JsonNode.Parse(File.ReadAllText(f)))
            .Select(job => ArmTemplate.Text(job?["model"]) ?? ArmTemplate.Text(job?["spec"]?["model"]))
            .OfType<string>()
            .Distinct()
            .ToList();

        // A job's `model` is the deployment name it calls; deploymentName defaults to modelName.
        var deploymentName = openAi.ResolveText(JsonValue.Create("[parameters('deploymentName')]"));

        Assert.NotEmpty(jobModels);
        Assert.All(jobModels, model => Assert.Equal(deploymentName, model));
    }
}
