using System.Text.Json;

namespace FunctionsBatch.Functions.Tests;

/// <summary>Files the test project copies beside itself (see the .csproj).</summary>
internal static class TestFiles
{
    public static string PathOf(string relativePath) => Path.Combine(AppContext.BaseDirectory, relativePath);

    public static JsonDocument ReadJson(string relativePath)
    {
        var path = PathOf(relativePath);
        Assert.True(File.Exists(path), $"{path} is missing; building the test project should have copied it");
        return JsonDocument.Parse(File.ReadAllText(path));
    }
}
