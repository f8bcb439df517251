using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FunctionsBatch.Azure;
using FunctionsBatch.Azure.OpenAI;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>The Flex Consumption app: plan, runtime, identity-based settings, and agreement with the app's own files.</summary>
public sealed partial class FunctionAppTemplateTests
{
    public static TheoryData<string> RequiredSettings => new(
        FunctionsBatchSettings.StorageSetting + "__accountName",
        FunctionsBatchSettings.StorageSetting + "__credential",
        FunctionsBatchSettings.StorageSetting + "__clientId",
        OpenAISettings.Section + "__Endpoint",
        OpenAISettings.Section + "__ClientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
        "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
        "NightlySchedule",
        "DurableTaskHubName");

    /// <summary>Key-based or platform-managed settings that must not appear on a keyless Flex Consumption app.</summary>
    public static TheoryData<string> ForbiddenSettings => new(
        FunctionsBatchSettings.StorageSetting,
        OpenAISettings.Section + "__ApiKey",
        "FUNCTIONS_EXTENSION_VERSION",
        "FUNCTIONS_WORKER_RUNTIME",
        "WEBSITE_RUN_FROM_PACKAGE",
        "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING");

    [Fact]
    public async Task Plan_Compiled_IsFlexConsumptionOnLinux()
    {
        var (plan, scope) = (await ArmTemplate.CompileMainAsync()).Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", scope.ResolveText(plan["sku"]?["name"]));
        Assert.Equal("FlexConsumption", scope.ResolveText(plan["sku"]?["tier"]));
        Assert.True(scope.Resolve(plan["properties"]?["reserved"])?.GetValue<bool>());
    }

    [Fact]
    public async Task Site_Compiled_IsALinuxFunctionAppRunningAsTheUserAssignedIdentity()
    {
        var (site, scope) = (await ArmTemplate.CompileMainAsync()).Single("Microsoft.Web/sites");

        Assert.Equal("functionapp,linux", scope.ResolveText(site["kind"]));
        Assert.Equal("UserAssigned", scope.ResolveText(site["identity"]?["type"]));
        Assert.True(scope.Resolve(site["properties"]?["httpsOnly"])?.GetValue<bool>());
        var deployment = site["properties"]?["functionAppConfig"]?["deployment"]?["storage"];
        Assert.Equal("blobContainer", scope.ResolveText(deployment?["type"]));
        Assert.Equal("UserAssignedIdentity", scope.ResolveText(deployment?["authentication"]?["type"]));
    }

    [Fact]
    public async Task Runtime_Compiled_IsDotnetIsolatedOnTheAppsTargetFramework()
    {
        var (site, scope) = (await ArmTemplate.CompileMainAsync()).Single("Microsoft.Web/sites");
        var runtime = site["properties"]?["functionAppConfig"]?["runtime"];

        Assert.Equal("dotnet-isolated", scope.ResolveText(runtime?["name"]));
        Assert.Equal(FunctionsAppRuntimeVersion(), scope.ResolveText(runtime?["version"]));
    }

    [Fact]
    public async Task Site_Compiled_IsTaggedWithTheAzureYamlServiceName()
    {
        var functionApp = (await ArmTemplate.CompileMainAsync()).Module("function-app");
        var services = YamlFile.Load(RepoPaths.Combine("azure.yaml")).Map("services");
        var (site, _) = functionApp.Single("Microsoft.Web/sites");

        // tags: union(tags, { 'azd-service-name': serviceName })
        Assert.Contains("createObject('azd-service-name', parameters('serviceName'))", ArmTemplate.Text(site["tags"]), StringComparison.Ordinal);
        var serviceName = functionApp.ResolveText(JsonValue.Create("[parameters('serviceName')]"));
        Assert.Equal("api", serviceName);
        Assert.NotNull(services.Get(serviceName!));
    }

    [Theory]
    [MemberData(nameof(RequiredSettings))]
    public async Task AppSettings_Compiled_Include(string setting)
    {
        var settings = await AppSettingsAsync();

        Assert.True(settings.ContainsKey(setting), $"app settings lack {setting}; they are {string.Join(", ", settings.Select(s => s.Key))}");
    }

    [Theory]
    [MemberData(nameof(ForbiddenSettings))]
    public async Task AppSettings_Compiled_Exclude(string setting)
    {
        var settings = await AppSettingsAsync();

        Assert.False(settings.ContainsKey(setting), $"app settings must not set {setting}");
    }

    [Fact]
    public async Task AppSettings_StorageCredential_IsManagedIdentity()
    {
        var function = (await ArmTemplate.CompileMainAsync()).Module("function-app");
        var settings = await AppSettingsAsync();

        Assert.Equal("managedidentity", function.ResolveText(settings[FunctionsBatchSettings.StorageSetting + "__credential"]));
        Assert.Contains("Authorization=AAD", ArmTemplate.Text(settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AppSettings_HostJsonPlaceholders_AreAllSet()
    {
        var settings = await AppSettingsAsync();
        var hostJson = File.ReadAllText(RepoPaths.Combine("host.json"));

        var placeholders = Placeholder().Matches(hostJson).Select(m => m.Groups["name"].Value).Distinct().ToList();

        Assert.NotEmpty(placeholders);
        Assert.All(placeholders, name => Assert.True(settings.ContainsKey(name), $"host.json uses %{name}% but the app settings do not set it"));
    }

    [Theory]
    [InlineData("nightlySchedule", "NightlySchedule")]
    [InlineData("durableTaskHubName", "DurableTaskHubName")]
    public async Task Defaults_MainParameters_MatchTheLocalSettingsSample(string parameter, string setting)
    {
        var main = await ArmTemplate.CompileMainAsync();
        var sample = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("local.settings.sample.json")))!["Values"]!;

        Assert.Equal(ArmTemplate.Text(sample[setting]), main.ResolveText(main.Json["parameters"]?[parameter]?["defaultValue"]));
    }

    [Fact]
    public async Task Defaults_NightlySchedule_IsSixFieldNcrontabAtTwoAm()
    {
        var main = await ArmTemplate.CompileMainAsync();

        var schedule = main.ResolveText(main.Json["parameters"]?["nightlySchedule"]?["defaultValue"]);

        Assert.Equal("0 0 2 * * *", schedule);
        Assert.Equal(6, schedule!.Split(' ').Length);
    }

    [Fact]
    public async Task Defaults_TaskHubName_IsAlphanumericStartingWithALetter()
    {
        var main = await ArmTemplate.CompileMainAsync();

        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", main.ResolveText(main.Json["parameters"]?["durableTaskHubName"]?["defaultValue"]));
    }

    [Fact]
    public async Task FunctionApp_Module_WaitsForTheAppsRoleAssignments()
    {
        var main = await ArmTemplate.CompileMainAsync();
        var (deployment, _) = main.OfType("Microsoft.Resources/deployments").Single(d => ArmTemplate.Text(d.Resource["name"]) == "function-app");

        var dependsOn = deployment["dependsOn"]!.AsArray().Select(ArmTemplate.Text).ToList();

        Assert.Contains(dependsOn, d => d?.Contains("'app-role-assignments'", StringComparison.Ordinal) == true);
    }

    private static async Task<JsonObject> AppSettingsAsync()
    {
        var functionApp = (await ArmTemplate.CompileMainAsync()).Module("function-app");
        var config = functionApp.OfType("Microsoft.Web/sites/config")
            .Single(c => ArmTemplate.Text(c.Resource["name"])?.EndsWith("'appsettings')]", StringComparison.Ordinal) == true);
        return config.Resource["properties"]!.AsObject();
    }

    /// <summary>"10.0" for net10.0: the Functions project's TargetFramework, or the repository-wide one.</summary>
    private static string FunctionsAppRuntimeVersion()
    {
        string? TargetFramework(string file) =>
            XDocument.Load(file).Descendants("TargetFramework").Select(e => e.Value).FirstOrDefault();

        var framework = TargetFramework(RepoPaths.Combine("src", "FunctionsBatch.Functions", "FunctionsBatch.Functions.csproj"))
            ?? TargetFramework(RepoPaths.Combine("Directory.Build.props"))
            ?? throw new InvalidOperationException("No TargetFramework for the Functions app");
        var match = Regex.Match(framework, @"^net(?<version>\d+\.\d+)$");
        Assert.True(match.Success, $"unexpected TargetFramework {framework}");
        return match.Groups["version"].Value;
    }

    [GeneratedRegex("%(?<name>[A-Za-z0-9_]+)%")]
    private static partial Regex Placeholder();
}
