namespace FunctionsBatch.Core.Specs;

/// <summary>A spec or request that cannot be run, with every problem found.</summary>
public sealed class JobSpecException : Exception
{
    public JobSpecException(IReadOnlyList<SpecError> errors)
        : base("Invalid job spec: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public JobSpecException()
        : this([])
    {
    }

    public JobSpecException(string message)
        : base(message)
    {
        Errors = [new SpecError("$", message)];
    }

    public JobSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [new SpecError("$", message)];
    }

    public IReadOnlyList<SpecError> Errors { get; } = [];
}
