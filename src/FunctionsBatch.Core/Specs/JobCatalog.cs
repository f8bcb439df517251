namespace FunctionsBatch.Core.Specs;

/// <summary>The job specs shipped with the app (<c>jobs/*.json</c>), validated when loaded.</summary>
public sealed class JobCatalog
{
    private readonly Dictionary<string, JobSpec> _jobs;

    public JobCatalog(IEnumerable<JobSpec> jobs)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        _jobs = new Dictionary<string, JobSpec>(StringComparer.Ordinal);
        foreach (var job in jobs)
        {
            if (!_jobs.TryAdd(job.Name, job))
            {
                throw new JobSpecException([new SpecError("$.name", $"the job name \"{job.Name}\" is used by more than one spec")]);
            }
        }
    }

    public IReadOnlyCollection<JobSpec> Jobs => _jobs.Values;

    public IEnumerable<JobSpec> Scheduled => _jobs.Values.Where(j => j.Schedule is not null);

    public JobSpec? Find(string name) => _jobs.GetValueOrDefault(name);

    /// <summary>The job specs' JSON Schema, shipped beside them; not a job.</summary>
    public const string SchemaFileName = "job-spec.schema.json";

    /// <summary>Loads every <c>*.json</c> in a folder but the schema; a bad spec fails loading with its file and JSON path.</summary>
    public static JobCatalog Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new JobCatalog([]);
        }

        var jobs = new List<JobSpec>();
        var errors = new List<SpecError>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.json").Where(f => Path.GetFileName(f) != SchemaFileName).Order(StringComparer.Ordinal))
        {
            try
            {
                jobs.Add(JobSpecParser.Parse(File.ReadAllText(file), Path.GetFileName(file) + "#$"));
            }
            catch (JobSpecException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        return errors.Count == 0 ? new JobCatalog(jobs) : throw new JobSpecException(errors);
    }
}
