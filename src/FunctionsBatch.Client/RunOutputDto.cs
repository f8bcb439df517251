namespace FunctionsBatch.Client;

/// <summary>The parts of the run summary (<c>output</c>) that the CLI shows.</summary>
public sealed record RunOutputDto(string? Job, string? Model, string? PromptVersion, DateTime? StartedUtc, DateTime? CompletedUtc);
