using YamlDotNet.RepresentationModel;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>.github/dependabot.yml parses and covers every ecosystem the repository uses, weekly.</summary>
public sealed class DependabotTests
{
    private static readonly YamlMappingNode Config = YamlFile.Load(RepoPaths.Combine(".github", "dependabot.yml"));

    [Fact]
    public void Version_Config_IsTwo()
    {
        Assert.Equal("2", Config.Scalar("version"));
    }

    [Theory]
    [InlineData("nuget")]
    [InlineData("npm")]
    [InlineData("github-actions")]
    public void Updates_Ecosystem_IsCheckedWeeklyAtTheRoot(string ecosystem)
    {
        var update = Updates().SingleOrDefault(u => u.Scalar("package-ecosystem") == ecosystem);

        Assert.NotNull(update);
        Assert.Equal("/", update.Scalar("directory"));
        Assert.Equal("weekly", update.Map("schedule").Scalar("interval"));
    }

    [Fact]
    public void Updates_EveryEntry_HasOnlyKnownKeys()
    {
        string[] known =
        [
            "package-ecosystem", "directory", "directories", "schedule", "open-pull-requests-limit", "groups", "ignore", "allow",
            "labels", "assignees", "reviewers", "commit-message", "versioning-strategy", "target-branch", "registries", "rebase-strategy",
            "pull-request-branch-name", "milestone", "vendor", "insecure-external-code-execution", "cooldown", "exclude-paths",
        ];

        Assert.All(Updates(), update => Assert.All(
            update.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value),
            key => Assert.Contains(key, known)));
    }

    private static IEnumerable<YamlMappingNode> Updates() => Config.Sequence("updates").Cast<YamlMappingNode>();
}
