namespace FunctionsBatch.Benchmarks.Infrastructure;

/// <summary>The repository root and the Release builds of the services the benchmark starts.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string ServiceDll(string project) =>
        Path.Combine(Root, "src", project, "bin", "Release", "net10.0", project + ".dll");

    public static string Azurite => Path.Combine(Root, "node_modules", ".bin", "azurite");

    /// <summary>Where generated inputs live: under the host's content root (the repository), git-ignored.</summary>
    public static string BenchData => Path.Combine(Root, ".run", "bench");

    private static string FindRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            var directory = new DirectoryInfo(start);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FunctionsBatch.sln")))
            {
                directory = directory.Parent;
            }

            if (directory is not null)
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("FunctionsBatch.sln not found above the current directory or " + AppContext.BaseDirectory);
    }
}
