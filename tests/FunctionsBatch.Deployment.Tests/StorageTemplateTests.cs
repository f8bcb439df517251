using FunctionsBatch.Azure.Storage;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>The storage account is Entra ID only and private, and holds what the app and the platform need.</summary>
public sealed class StorageTemplateTests
{
    [Theory]
    [InlineData("allowSharedKeyAccess", false)]
    [InlineData("allowBlobPublicAccess", false)]
    [InlineData("supportsHttpsTrafficOnly", true)]
    [InlineData("defaultToOAuthAuthentication", true)]
    public async Task StorageAccount_Compiled_HasSecuritySwitch(string property, bool expected)
    {
        var main = await ArmTemplate.CompileMainAsync();
        var (account, scope) = main.Single("Microsoft.Storage/storageAccounts");

        var value = scope.Resolve(account["properties"]?[property]);

        Assert.NotNull(value);
        Assert.Equal(expected, value.GetValue<bool>());
    }

    [Fact]
    public async Task StorageAccount_Compiled_RequiresTls12()
    {
        var main = await ArmTemplate.CompileMainAsync();
        var (account, scope) = main.Single("Microsoft.Storage/storageAccounts");

        Assert.Equal("TLS1_2", scope.ResolveText(account["properties"]?["minimumTlsVersion"]));
    }

    [Fact]
    public async Task Containers_Compiled_IncludeTheDeploymentPackageContainerAndAllArePrivate()
    {
        var main = await ArmTemplate.CompileMainAsync();

        var containers = main.OfType("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Contains(containers, c => ArmTemplate.Text(c.Resource["name"])?.Contains("deploymentContainerName", StringComparison.Ordinal) == true);
        Assert.All(containers, c => Assert.Equal("None", c.Scope.ResolveText(c.Resource["properties"]?["publicAccess"])));
    }

    [Fact]
    public async Task Storage_Module_CreatesTheAppsContainerAndTables()
    {
        var storage = (await ArmTemplate.CompileMainAsync()).Module("storage");
        var parameters = storage.Json["parameters"]!;

        var containers = storage.Resolve(parameters["containerNames"]?["defaultValue"])!.AsArray().Select(n => n!.GetValue<string>());
        var tables = storage.Resolve(parameters["tableNames"]?["defaultValue"])!.AsArray().Select(n => n!.GetValue<string>());

        Assert.Contains(StorageClients.RunsContainer, containers);
        Assert.Equal([StorageClients.ResultsTable, StorageClients.CostsTable], tables);
    }
}
