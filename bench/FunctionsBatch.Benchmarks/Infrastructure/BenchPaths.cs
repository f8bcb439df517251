namespace FunctionsBatch.Benchmarks.Infrastructure;

public static class BenchPaths
{
    /// <summary>Where generated inputs and logs live: under the host's content root (the repository), git-ignored.</summary>
    public static string BenchData => Path.Combine(RepoPaths.Root, ".run", "bench");
}
