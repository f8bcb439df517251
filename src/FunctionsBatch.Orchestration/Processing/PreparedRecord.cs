using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// A record ready to send (its messages and content key), one whose answer the ledger already holds, or one refused
/// before any call with a code and reason.
/// </summary>
/// <param name="PromptTokens">The exact prompt count when the context-window check needed it; null when a cheap bound sufficed.</param>
/// <param name="Known">The answer an earlier run already paid for, when the ledger holds one for the content key.</param>
public sealed record PreparedRecord(
    IReadOnlyList<ChatMessageText>? Messages, string? ContentKey, string? ErrorCode, string? ErrorMessage, int? PromptTokens = null, LedgerEntry? Known = null)
{
    /// <summary>Ready to send to the model: neither refused nor answered from the ledger.</summary>
    public bool NeedsCall => Messages is not null && Known is null;

    public static PreparedRecord Ready(IReadOnlyList<ChatMessageText> messages, string contentKey, int? promptTokens) => new(messages, contentKey, null, null, promptTokens);

    public static PreparedRecord Refused(string code, string message) => new(null, null, code, message);

    /// <summary>The row of a record settled before any call (failed its checks, or succeeded from the ledger with no tokens); null when it needs a call.</summary>
    public RecordResult? Settled(ChunkRef chunk, string recordId, string mode)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        return (Known, ErrorCode) switch
        {
            ({ } known, _) => new RecordResult(chunk.RunId, recordId, chunk.ChunkIndex, RecordStatus.Succeeded, known.Output, TokenUsage.Zero, 0, 0, null, null, null,
                known.ContentKey, FromLedger: true, Mode: mode),
            (null, { } code) => new RecordResult(chunk.RunId, recordId, chunk.ChunkIndex, RecordStatus.Failed, null, TokenUsage.Zero, 0, 0, null, code, ErrorMessage, Mode: mode),
            _ => null,
        };
    }
}
