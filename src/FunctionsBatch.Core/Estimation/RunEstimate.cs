namespace FunctionsBatch.Core.Estimation;

/// <summary>
/// What a run will cost before it is spent: prompt tokens are exact (the same tokenizer the model bills
/// with); output tokens can only be bounded, from none to <c>maxOutputTokens</c> per record.
/// </summary>
public sealed record RunEstimate(
    int Records,
    int RecordsThatCannotRender,
    long PromptTokens,
    long MaxOutputTokens,
    long MinCostMicros,
    long MaxCostMicros,
    string Model,
    DateOnly PricesAsOf);
