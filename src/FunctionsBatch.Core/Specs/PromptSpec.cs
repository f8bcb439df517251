namespace FunctionsBatch.Core.Specs;

/// <summary>The system text and the user template whose <c>{{field}}</c> placeholders come from each record.</summary>
public sealed record PromptSpec(string System, string User);
