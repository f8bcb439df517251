using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tests.Support;

namespace FunctionsBatch.Core.Tests.Specs;

public sealed class JobCatalogTests : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("jobs-");

    public void Dispose() => _directory.Delete(recursive: true);

    [Fact]
    public void Load_FolderWithSpecs_FindsEachByNameAndListsOnlyScheduledOnesAsScheduled()
    {
        Write("a.json", SpecJson.With("name", "\"alpha\""));
        Write("b.json", SpecJson.With(SpecJson.With("name", "\"beta\""), "schedule", "\"0 0 3 * * *\""));
        Write("notes.txt", "not a spec");

        var catalog = JobCatalog.Load(_directory.FullName);

        Assert.Equal(["alpha", "beta"], catalog.Jobs.Select(j => j.Name).Order(StringComparer.Ordinal));
        Assert.Equal("beta", Assert.Single(catalog.Scheduled).Name);
        Assert.Equal("alpha", catalog.Find("alpha")?.Name);
        Assert.Null(catalog.Find("gamma"));
    }

    [Fact]
    public void Load_BadSpecs_ReportsEveryErrorPrefixedWithItsFile()
    {
        Write("good.json", SpecJson.Valid);
        Write("bad.json", SpecJson.With("chunkSize", "0"));
        Write("worse.json", SpecJson.With("model", null));

        var ex = Assert.Throws<JobSpecException>(() => JobCatalog.Load(_directory.FullName));

        Assert.Equal(["bad.json#$.chunkSize", "worse.json#$.model"], ex.Errors.Select(e => e.Path));
    }

    [Fact]
    public void Load_TwoSpecsWithOneName_Throws()
    {
        Write("one.json", SpecJson.Valid);
        Write("two.json", SpecJson.Valid);

        var ex = Assert.Throws<JobSpecException>(() => JobCatalog.Load(_directory.FullName));

        Assert.Contains("\"classify-tickets\" is used by more than one spec", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFolder_IsAnEmptyCatalog()
    {
        var catalog = JobCatalog.Load(Path.Combine(_directory.FullName, "absent"));

        Assert.Empty(catalog.Jobs);
    }

    private void Write(string name, string content) => File.WriteAllText(Path.Combine(_directory.FullName, name), content);
}
