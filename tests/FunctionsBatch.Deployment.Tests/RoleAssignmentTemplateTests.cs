namespace FunctionsBatch.Deployment.Tests;

/// <summary>The app's identity gets exactly the data-plane roles it needs, by built-in role definition id.</summary>
public sealed class RoleAssignmentTemplateTests
{
    [Theory]
    [InlineData("Storage Blob Data Owner", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b")]
    [InlineData("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88")]
    [InlineData("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")]
    [InlineData("Cognitive Services OpenAI User", "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd")]
    [InlineData("Monitoring Metrics Publisher", "3913510d-42f4-4e42-8a64-420c390055eb")]
    public async Task AppRoles_Compiled_GrantBuiltInRole(string role, string roleDefinitionId)
    {
        var roles = (await ArmTemplate.CompileMainAsync()).Module("app-role-assignments");

        var assigned = roles.Resolve(roles.Json["variables"]?["roles"])!.AsObject()
            .Select(r => ArmTemplate.Text(r.Value))
            .ToList();

        Assert.True(assigned.Contains(roleDefinitionId), $"{role} ({roleDefinitionId}) is not assigned");
    }

    [Fact]
    public async Task AppRoles_Compiled_GoToTheIdentityAsAServicePrincipal()
    {
        var main = await ArmTemplate.CompileMainAsync();
        var (deployment, _) = main.OfType("Microsoft.Resources/deployments").Single(d => ArmTemplate.Text(d.Resource["name"]) == "app-role-assignments");
        var parameters = deployment["properties"]!["parameters"]!;

        Assert.Equal("ServicePrincipal", ArmTemplate.Text(parameters["principalType"]?["value"]));
        Assert.Contains("'identity'", ArmTemplate.Text(parameters["principalId"]?["value"]), StringComparison.Ordinal);
        Assert.Contains("principalId", ArmTemplate.Text(parameters["principalId"]?["value"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RoleAssignments_Compiled_UseSubscriptionRoleDefinitionIds()
    {
        var main = await ArmTemplate.CompileMainAsync();

        var assignments = main.OfType("Microsoft.Authorization/roleAssignments");

        Assert.NotEmpty(assignments);
        Assert.All(assignments, a => Assert.StartsWith(
            "[subscriptionResourceId('Microsoft.Authorization/roleDefinitions'",
            ArmTemplate.Text(a.Resource["properties"]?["roleDefinitionId"]),
            StringComparison.Ordinal));
    }
}
