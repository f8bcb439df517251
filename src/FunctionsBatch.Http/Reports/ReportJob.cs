using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Http.Reports;

/// <summary>Which job a run ran, on which model, for whom: from its summary once finished, from its staged spec while running.</summary>
public sealed record ReportJob(string Name, string Model, string PromptVersion, IReadOnlyDictionary<string, string> Tags)
{
    public static ReportJob Unknown { get; } = new(string.Empty, string.Empty, string.Empty, new Dictionary<string, string>());

    public static ReportJob From(RunSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return new(summary.Job, summary.Model, summary.PromptVersion, summary.Tags);
    }

    public static ReportJob From(JobSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return new(spec.Name, spec.Model, spec.PromptVersion, spec.Tags);
    }
}
