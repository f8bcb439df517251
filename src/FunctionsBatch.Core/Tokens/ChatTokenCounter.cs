using Microsoft.ML.Tokenizers;

namespace FunctionsBatch.Core.Tokens;

/// <summary>
/// Counts tokens the way the gpt-4o family bills them (o200k_base), including the chat-format overhead
/// (3 tokens per message plus 3 to prime the reply). The simulator and the estimator both use this, so an
/// estimate's prompt tokens equal the simulator's usage for the same messages.
/// </summary>
public static class ChatTokenCounter
{
    private const int TokensPerMessage = 3;
    private const int ReplyPrimingTokens = 3;

    private static readonly Lazy<Tokenizer> Tokenizer = new(
        () => TiktokenTokenizer.CreateForEncoding("o200k_base"), LazyThreadSafetyMode.ExecutionAndPublication);

    public static int CountText(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);

    public static int CountPromptTokens(IEnumerable<ChatMessageText> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var total = ReplyPrimingTokens;
        foreach (var message in messages)
        {
            total += TokensPerMessage + CountText(message.Role) + CountText(message.Content);
        }

        return total;
    }
}
