namespace FunctionsBatch.Deployment.Tests;

/// <summary>
/// Every .bicep file in the repository compiles with the pinned Bicep CLI without a single warning or error,
/// from the compiler or from the linter rules in infra/bicepconfig.json, and offline: no registry modules.
/// </summary>
public sealed class BicepCompilationTests
{
    public static TheoryData<string> BicepFiles() => new(BicepFileList());

    private static IReadOnlyList<string> BicepFileList() => RepoPaths.FilesUnder(RepoPaths.Root, ".bicep").Select(RepoPaths.Relative).ToList();

    [Fact]
    public void BicepFiles_Repository_IncludeMainAndItsModules()
    {
        var files = BicepFileList();

        Assert.Contains("infra/main.bicep", files);
        Assert.Contains(files, f => f.StartsWith("infra/modules/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Build_EachBicepFile_CompilesWithoutWarningsOrErrors(string relativePath)
    {
        var path = RepoPaths.Combine(relativePath);
        var build = BicepCli.BuildAsync(path);
        var lint = BicepCli.LintAsync(path);
        await Task.WhenAll(build, lint);

        AssertClean("build", relativePath, await build);
        AssertClean("lint", relativePath, await lint);
        Assert.StartsWith("{", (await build).StandardOutput.TrimStart(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Modules_EachBicepFile_AreLocalFilesThatExist(string relativePath)
    {
        var path = RepoPaths.Combine(relativePath);
        var text = File.ReadAllText(path);

        Assert.DoesNotContain("'br/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'br:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'ts:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("'ts/", text, StringComparison.Ordinal);
        foreach (System.Text.RegularExpressions.Match module in System.Text.RegularExpressions.Regex.Matches(text, @"^\s*module\s+\w+\s+'(?<path>[^']+)'", System.Text.RegularExpressions.RegexOptions.Multiline))
        {
            var target = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, module.Groups["path"].Value));
            Assert.True(File.Exists(target), $"{relativePath}: module {module.Groups["path"].Value} does not exist");
        }
    }

    [Fact]
    public void Diagnostics_WarningLine_IsRecognised()
    {
        // Guards the parser the clean-build assertions depend on: if Bicep's format changed, they would pass vacuously.
        const string stderr = "/r/infra/x.bicep(1,7) : Warning no-unused-params: Parameter \"unused\" is declared but never used. [https://aka.ms/x]\n";

        var diagnostic = Assert.Single(BicepDiagnostic.Parse(stderr));

        Assert.Equal(("Warning", "no-unused-params", 1, 7), (diagnostic.Level, diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public async Task Build_FileWithUnusedParameterAndUnknownProperty_ReportsBothAsProblems()
    {
        // The same CLI and config on a deliberately bad file: proves warnings reach stderr in the parsed format.
        var dir = Directory.CreateTempSubdirectory("functionsbatch-bicep-");
        try
        {
            File.Copy(Path.Combine(RepoPaths.Infra, "bicepconfig.json"), Path.Combine(dir.FullName, "bicepconfig.json"));
            var file = Path.Combine(dir.FullName, "bad.bicep");
            await File.WriteAllTextAsync(file, """
                param unused string
                resource st 'Microsoft.Storage/storageAccounts@2023-05-01' = {
                  name: 'stbad'
                  location: 'westus'
                  kind: 'StorageV2'
                  sku: { name: 'Standard_LRS' }
                  properties: { bogus: true }
                }
                """);

            var result = await BicepCli.BuildAsync(file);

            var codes = BicepDiagnostic.Parse(result.StandardError).Where(d => d.IsWarningOrError).Select(d => d.Code).ToList();
            Assert.Contains("no-unused-params", codes);
            Assert.Contains("BCP037", codes);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static void AssertClean(string command, string file, ProcessResult result)
    {
        var problems = BicepDiagnostic.Parse(result.StandardError).Concat(BicepDiagnostic.Parse(result.StandardOutput))
            .Where(d => d.IsWarningOrError)
            .Select(d => d.ToString())
            .ToList();
        Assert.True(problems.Count == 0, $"bicep {command} {file}:\n{string.Join('\n', problems)}");
        Assert.True(result.ExitCode == 0, $"bicep {command} {file}: {result.Describe()}");

        // Anything else on stderr mentioning a warning or an error (a format the parser does not know) also fails.
        var stray = result.StandardError.Split('\n')
            .Where(line => BicepDiagnostic.Parse(line).Count == 0)
            .Where(line => line.Contains("Warning", StringComparison.OrdinalIgnoreCase) || line.Contains("Error", StringComparison.OrdinalIgnoreCase))
            .ToList();
        Assert.True(stray.Count == 0, $"bicep {command} {file} printed:\n{string.Join('\n', stray)}");
    }
}
