namespace FunctionsBatch.Core.Tests.Support;

internal static class RepoPaths
{
    /// <summary>The folder holding FunctionsBatch.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FunctionsBatch.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"FunctionsBatch.sln not found above {AppContext.BaseDirectory}");
    }
}
