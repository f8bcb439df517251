namespace FunctionsBatch.Core.Batch;

/// <summary>How a run calls the model, and when it must stop waiting for a batch and finish the rest online.</summary>
/// <param name="CutoffUtc">When set, a batch not finished by then is cancelled and its unanswered records go online.</param>
public sealed record ModeChoice(string Mode, DateTime? CutoffUtc, string Reason);
