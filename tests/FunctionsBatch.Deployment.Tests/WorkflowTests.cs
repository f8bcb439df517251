using System.Text.Json.Nodes;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>Every GitHub Actions workflow passes a real schema validator.</summary>
public sealed class WorkflowTests
{
    public static TheoryData<string> WorkflowFiles() => new(WorkflowFileList());

    [Fact]
    public void WorkflowFiles_Repository_IncludeCiAndDeploy()
    {
        Assert.Contains(".github/workflows/ci.yml", WorkflowFileList());
        Assert.Contains(".github/workflows/deploy.yml", WorkflowFileList());
    }

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public async Task Validate_EachWorkflow_PassesActionValidator(string relativePath)
    {
        var result = await ActionValidator.ValidateAsync(relativePath);

        Assert.True(result.ExitCode == 0, $"action-validator {relativePath}: {result.Describe()}");
    }

    [Fact]
    public async Task Validate_WorkflowWithUnknownStepKey_Fails()
    {
        // Proves the validator really checks the schema (a no-op validator would make the theory above vacuous).
        var file = Path.Combine(Path.GetTempPath(), $"functionsbatch-bad-workflow-{Guid.NewGuid():N}.yml");
        await File.WriteAllTextAsync(file, """
            on: push
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                    bogus: true
            """);
        try
        {
            var result = await ActionValidator.ValidateAsync(file);

            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("bogus", result.StandardOutput + result.StandardError, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void PackageJson_DevDependencies_PinTheValidator()
    {
        var package = JsonNode.Parse(File.ReadAllText(RepoPaths.Combine("package.json")))!;

        var version = ArmTemplate.Text(package["devDependencies"]?["@action-validator/cli"]);

        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
    }

    private static IReadOnlyList<string> WorkflowFileList() =>
        RepoPaths.FilesUnder(RepoPaths.Combine(".github", "workflows"), ".yml")
            .Concat(RepoPaths.FilesUnder(RepoPaths.Combine(".github", "workflows"), ".yaml"))
            .Select(RepoPaths.Relative)
            .Order(StringComparer.Ordinal)
            .ToList();
}
