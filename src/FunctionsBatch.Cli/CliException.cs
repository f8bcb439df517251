namespace FunctionsBatch.Cli;

/// <summary>A problem the user can fix (bad arguments, unreadable file); printed without a stack trace.</summary>
public sealed class CliException : Exception
{
    public CliException(string message)
        : this(message, [])
    {
    }

    public CliException(string message, IReadOnlyList<string> details)
        : base(message)
    {
        Details = details;
    }

    public CliException()
        : this("invalid command line")
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
        Details = [];
    }

    public IReadOnlyList<string> Details { get; } = [];
}
