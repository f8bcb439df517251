namespace FunctionsBatch.Cli;

/// <summary>What the command line asked for, before host and key are resolved.</summary>
public sealed record CommandLineOptions
{
    public required string Command { get; init; }

    public string? RunId { get; init; }

    public string? Job { get; init; }

    public string? SpecPath { get; init; }

    public string? InputPath { get; init; }

    public string? Host { get; init; }

    public string? Key { get; init; }

    public string? KeyFile { get; init; }

    public string? SimulatorUrl { get; init; }

    public string? Status { get; init; }

    public string? OutPath { get; init; }

    public int? PageSize { get; init; }

    public bool NoWait { get; init; }

    public bool Wait { get; init; }

    public bool Json { get; init; }
}
