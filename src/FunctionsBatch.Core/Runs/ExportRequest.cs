namespace FunctionsBatch.Core.Runs;

/// <summary>What a finished run exports: its result rows, and its failed records back to the intake's poison queue.</summary>
/// <param name="IntakeQueue">The queue the run drained, or null when its input was not a queue.</param>
public sealed record ExportRequest(string RunId, string Job, string? IntakeQueue);
