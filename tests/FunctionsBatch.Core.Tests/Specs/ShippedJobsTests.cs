using System.Text.Json;
using FunctionsBatch.Core.Prompts;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tests.Support;

namespace FunctionsBatch.Core.Tests.Specs;

/// <summary>The specs under <c>jobs/</c> are what the app deploys; a bad one would only fail at start-up.</summary>
public sealed class ShippedJobsTests
{
    private static readonly string JobsDirectory = Path.Combine(RepoPaths.Root, "jobs");

    [Fact]
    public void Parse_ClassifyTicketsSpec_IsValidAndScheduledNightly()
    {
        var spec = JobSpecParser.Parse(File.ReadAllText(Path.Combine(JobsDirectory, "classify-tickets.json")));

        Assert.Equal("classify-tickets", spec.Name);
        Assert.NotNull(spec.Schedule);
        var next = NightlySchedule.Parse(spec.Schedule).GetNextOccurrence(new DateTime(2026, 11, 27, 12, 0, 0));
        Assert.True(next < new DateTime(2026, 11, 28, 12, 0, 0), $"'{spec.Schedule}' does not fire within a day");
        Assert.NotNull(spec.Input);
        Assert.Equal("object", spec.ResponseSchema?.GetProperty("type").GetString());
        Assert.False(string.IsNullOrWhiteSpace(spec.Tenant));
        Assert.False(string.IsNullOrWhiteSpace(spec.Feature));
    }

    [Fact]
    public void Parse_ClassifyTicketsInput_HasEveryFieldTheTemplateNeeds()
    {
        var spec = JobSpecParser.Parse(File.ReadAllText(Path.Combine(JobsDirectory, "classify-tickets.json")));
        var firstLine = File.ReadLines(Path.Combine(RepoPaths.Root, spec.Input!.Location)).First(l => !string.IsNullOrWhiteSpace(l));
        using var record = JsonDocument.Parse(firstLine);

        var rendered = new ChatPrompt(spec.Prompt).RenderUser(record.RootElement);

        Assert.True(rendered.Succeeded, $"the sample record lacks: {string.Join(", ", rendered.Missing)}");
    }

    [Fact]
    public void Load_JobsFolder_FindsClassifyTicketsAmongTheScheduledJobs()
    {
        var catalog = JobCatalog.Load(JobsDirectory);

        // Every spec but the schema beside them is a job.
        Assert.Equal(Directory.GetFiles(JobsDirectory, "*.json").Length - 1, catalog.Jobs.Count);
        Assert.True(File.Exists(Path.Combine(JobsDirectory, JobCatalog.SchemaFileName)));
        Assert.Contains(catalog.Scheduled, j => j.Name == "classify-tickets");
    }
}
