using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;

namespace FunctionsBatch.Deployment.Tests;

/// <summary>
/// The Bicep CLI from the Azure.Bicep.CommandLine.linux-x64 package: restore puts it in the NuGet cache and the
/// project bakes that folder into the assembly (AssemblyMetadata "BicepPackageRoot"). FUNCTIONSBATCH_BICEP
/// overrides it with another binary (another OS, a newer CLI). Builds are cached per file for the test run.
/// </summary>
internal static class BicepCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private static readonly Lazy<string> ExecutablePath = new(FindExecutable);
    private static readonly ConcurrentDictionary<string, Lazy<Task<ProcessResult>>> Builds = new(StringComparer.Ordinal);

    public static string Executable => ExecutablePath.Value;

    /// <summary><c>bicep build --stdout --no-restore</c>: the ARM JSON on stdout, diagnostics on stderr.</summary>
    public static Task<ProcessResult> BuildAsync(string bicepFile) =>
        Builds.GetOrAdd(Path.GetFullPath(bicepFile), file => new Lazy<Task<ProcessResult>>(() => RunAsync("build", file, "--stdout", "--no-restore"))).Value;

    /// <summary><c>bicep lint --no-restore</c>: the linter rules as configured by infra/bicepconfig.json.</summary>
    public static Task<ProcessResult> LintAsync(string bicepFile) => RunAsync("lint", Path.GetFullPath(bicepFile), "--no-restore");

    /// <summary>The compiled ARM template of a file that must build cleanly.</summary>
    public static async Task<JsonObject> CompileAsync(string bicepFile)
    {
        var result = await BuildAsync(bicepFile).ConfigureAwait(false);
        Assert.True(result.ExitCode == 0, $"bicep build {bicepFile} failed: {result.Describe()}");
        return JsonNode.Parse(result.StandardOutput)?.AsObject() ?? throw new InvalidOperationException($"bicep build {bicepFile} printed no template");
    }

    private static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(Executable, arguments, RepoPaths.Root, Timeout);

    private static string FindExecutable()
    {
        if (Environment.GetEnvironmentVariable("FUNCTIONSBATCH_BICEP") is { Length: > 0 } overridden)
        {
            return overridden;
        }

        var packageRoot = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "BicepPackageRoot")?.Value;
        if (string.IsNullOrEmpty(packageRoot))
        {
            throw new InvalidOperationException("The test assembly has no BicepPackageRoot: was the Azure.Bicep.CommandLine package restored?");
        }

        var executable = Path.Combine(packageRoot, "tools", OperatingSystem.IsWindows() ? "bicep.exe" : "bicep");
        if (!File.Exists(executable))
        {
            throw new FileNotFoundException(
                $"No Bicep CLI at {executable}. The package is linux-x64 only; elsewhere set FUNCTIONSBATCH_BICEP to a bicep binary.",
                executable);
        }

        return EnsureExecutable(executable);
    }

    /// <summary>
    /// NuGet may extract package files without execute bits: add them. Where the cache is not ours to change,
    /// run a private copy instead.
    /// </summary>
    private static string EnsureExecutable(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return path;
        }

        const UnixFileMode execute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        var mode = File.GetUnixFileMode(path);
        if ((mode & execute) == execute)
        {
            return path;
        }

        try
        {
            File.SetUnixFileMode(path, mode | execute);
            return path;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            var copy = Path.Combine(Path.GetTempPath(), "functionsbatch-bicep", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "bicep");
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(path, copy, overwrite: true);
            File.SetUnixFileMode(copy, File.GetUnixFileMode(copy) | execute);
            return copy;
        }
    }
}
