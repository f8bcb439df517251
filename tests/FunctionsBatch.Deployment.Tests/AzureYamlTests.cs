using System.Xml.Linq;
using YamlDotNet.RepresentationModel;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>azure.yaml points azd at projects and infrastructure that exist.</summary>
public sealed class AzureYamlTests
{
    private static readonly YamlMappingNode Project = YamlFile.Load(RepoPaths.Combine("azure.yaml"));

    [Fact]
    public void Name_AzureYaml_IsFunctionsbatch()
    {
        Assert.Equal("functionsbatch", Project.Scalar("name"));
    }

    [Fact]
    public void ApiService_AzureYaml_IsTheDotnetFunctionsAppProject()
    {
        var api = Project.Map("services").Map("api");

        Assert.Equal("dotnet", api.Scalar("language"));
        Assert.Equal("function", api.Scalar("host"));
        var folder = Path.GetFullPath(Path.Combine(RepoPaths.Root, api.Scalar("project")!));
        Assert.Equal(RepoPaths.Combine("src", "FunctionsBatch.Functions"), folder);
        var project = Assert.Single(Directory.GetFiles(folder, "*.csproj"));
        Assert.Equal("v4", XDocument.Load(project).Descendants("AzureFunctionsVersion").Single().Value);
    }

    [Fact]
    public void Services_EveryProjectPath_Exists()
    {
        foreach (var (name, service) in Project.Map("services").Children)
        {
            var path = ((YamlMappingNode)service).Scalar("project");
            Assert.True(Directory.Exists(Path.Combine(RepoPaths.Root, path!)), $"service {name}: {path} does not exist");
        }
    }

    [Fact]
    public void Infra_AzureYaml_IsBicepInTheInfraFolder()
    {
        var infra = Project.Map("infra");

        Assert.Equal("bicep", infra.Scalar("provider"));
        var module = infra.Scalar("module") ?? "main";
        var folder = Path.Combine(RepoPaths.Root, infra.Scalar("path") ?? "infra");
        Assert.True(File.Exists(Path.Combine(folder, module + ".bicep")));
        Assert.True(File.Exists(Path.Combine(folder, module + ".parameters.json")));
    }
}
