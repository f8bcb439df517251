namespace FunctionsBatch.Deployment.Tests;

/// <summary>Where the repository's files are: the folder holding FunctionsBatch.sln, found by walking up.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    private static readonly string[] SkippedFolders = ["node_modules", "bin", "obj", ".git", "TestResults", ".azurite", ".run", "artifacts", ".azure", "generated"];

    public static string Root => RootPath.Value;

    public static string Infra => Combine("infra");

    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    /// <summary>Files under <paramref name="folder"/> with the extension, skipping build output and dependencies.</summary>
    public static IReadOnlyList<string> FilesUnder(string folder, string extension)
    {
        var found = new List<string>();
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            found.AddRange(Directory.EnumerateFiles(current, "*" + extension));
            foreach (var child in Directory.EnumerateDirectories(current))
            {
                if (!SkippedFolders.Contains(Path.GetFileName(child), StringComparer.Ordinal))
                {
                    pending.Push(child);
                }
            }
        }

        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FunctionsBatch.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No FunctionsBatch.sln above {AppContext.BaseDirectory}");
    }
}
