using YamlDotNet.RepresentationModel;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>deploy.yml: keyless login to Azure with GitHub's OIDC token, then azd provision and deploy.</summary>
public sealed class DeployWorkflowTests
{
    private static readonly YamlMappingNode Workflow = YamlFile.Load(RepoPaths.Combine(".github", "workflows", "deploy.yml"));

    [Fact]
    public void Triggers_Deploy_AreManualAndPushToMain()
    {
        var on = Workflow.Map("on");

        Assert.NotNull(on.Get("workflow_dispatch"));
        var branches = on.Map("push").Sequence("branches").Select(b => ((YamlScalarNode)b).Value);
        Assert.Equal(["main"], branches);
    }

    [Fact]
    public void Permissions_Deploy_AllowAnIdTokenAndReadOnlyContents()
    {
        var permissions = Workflow.Map("permissions");

        Assert.Equal("write", permissions.Scalar("id-token"));
        Assert.Equal("read", permissions.Scalar("contents"));
        Assert.Equal(2, permissions.Children.Count);
    }

    [Theory]
    [InlineData("AZURE_ENV_NAME")]
    [InlineData("AZURE_LOCATION")]
    [InlineData("AZURE_SUBSCRIPTION_ID")]
    [InlineData("AZURE_CLIENT_ID")]
    [InlineData("AZURE_TENANT_ID")]
    public void Environment_DeployJob_ComesFromRepositoryVariables(string name)
    {
        var env = DeployJob().Map("env");

        Assert.Equal($"${{{{ vars.{name} }}}}", env.Scalar(name));
    }

    [Fact]
    public void Steps_DeployJob_InstallAzdLogInWithFederatedCredentialsThenProvisionAndDeploy()
    {
        var steps = DeployJob().Sequence("steps").Cast<YamlMappingNode>().ToList();
        var uses = steps.Select(s => s.Scalar("uses")).OfType<string>().ToList();
        var runs = steps.Select(s => s.Scalar("run")).OfType<string>().Select(r => string.Join(' ', r.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries))).ToList();

        Assert.Contains(uses, u => u.StartsWith("Azure/setup-azd@", StringComparison.Ordinal));
        var login = Assert.Single(runs, r => r.StartsWith("azd auth login", StringComparison.Ordinal));
        Assert.Contains("--client-id \"${{ vars.AZURE_CLIENT_ID }}\"", login, StringComparison.Ordinal);
        Assert.Contains("--federated-credential-provider github", login, StringComparison.Ordinal);
        Assert.Contains("--tenant-id \"${{ vars.AZURE_TENANT_ID }}\"", login, StringComparison.Ordinal);
        var provision = runs.IndexOf("azd provision --no-prompt");
        var deploy = runs.IndexOf("azd deploy --no-prompt");
        Assert.True(provision > runs.IndexOf(login) && deploy > provision, $"expected login, provision, deploy in order; runs: {string.Join(" | ", runs)}");
    }

    [Fact]
    public void Secrets_Deploy_UsesNone()
    {
        var text = File.ReadAllText(RepoPaths.Combine(".github", "workflows", "deploy.yml"));

        Assert.DoesNotContain("secrets.", text, StringComparison.Ordinal);
    }

    private static YamlMappingNode DeployJob()
    {
        var jobs = Workflow.Map("jobs");
        return Assert.IsType<YamlMappingNode>(Assert.Single(jobs.Children).Value);
    }
}
