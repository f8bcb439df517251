namespace FunctionsBatch.Deployment.Tests;

/// <summary>
/// The npm package @action-validator/cli (a devDependency in the root package.json; `npm ci` installs it): it
/// checks workflow files against the GitHub Actions schema, and globs against the checkout, offline.
/// </summary>
internal static class ActionValidator
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static string Executable => RepoPaths.Combine("node_modules", ".bin", OperatingSystem.IsWindows() ? "action-validator.cmd" : "action-validator");

    public static Task<ProcessResult> ValidateAsync(string file)
    {
        Assert.True(File.Exists(Executable), $"{Executable} is missing: run `npm ci` in {RepoPaths.Root}");
        return ProcessRunner.RunAsync(Executable, [file], RepoPaths.Root, Timeout);
    }
}
