using System.Collections.Concurrent;
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

    private const int MaxRememberedSystemTexts = 256;

    private static readonly Lazy<Tokenizer> Tokenizer = new(
        () => TiktokenTokenizer.CreateForEncoding("o200k_base"), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// A job sends the same system prompt with every record, and it is most of each prompt's tokens (about 520 of
    /// 600 for classify-tickets): tokenizing it once per job instead of once per record removes most of the
    /// counting work from the chunk processor, the pacer and the simulator.
    /// </summary>
    private static readonly ConcurrentDictionary<string, int> SystemTextCounts = new(StringComparer.Ordinal);

    public static int CountText(string? text) =>
        string.IsNullOrEmpty(text) ? 0 : Tokenizer.Value.CountTokens(text);

    public static int CountPromptTokens(IEnumerable<ChatMessageText> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var total = ReplyPrimingTokens;
        foreach (var message in messages)
        {
            var content = message.Role == "system" ? CountSystemText(message.Content) : CountText(message.Content);
            total += TokensPerMessage + CountText(message.Role) + content;
        }

        return total;
    }

    /// <summary>
    /// A cheap bound that is never below <see cref="CountPromptTokens"/>: system prompts counted exactly (they
    /// are remembered), any other text as its UTF-8 byte count (no o200k token is shorter than one byte). When
    /// the bound already fits a limit, the exact count is not needed.
    /// </summary>
    public static int PromptTokensUpperBound(IEnumerable<ChatMessageText> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var total = ReplyPrimingTokens;
        foreach (var message in messages)
        {
            var content = message.Role == "system"
                ? CountSystemText(message.Content)
                : string.IsNullOrEmpty(message.Content) ? 0 : System.Text.Encoding.UTF8.GetByteCount(message.Content);
            total += TokensPerMessage + System.Text.Encoding.UTF8.GetByteCount(message.Role) + content;
        }

        return total;
    }

    private static int CountSystemText(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        if (SystemTextCounts.TryGetValue(text, out var known))
        {
            return known;
        }

        var count = CountText(text);
        if (SystemTextCounts.Count >= MaxRememberedSystemTexts)
        {
            SystemTextCounts.Clear();
        }

        SystemTextCounts.TryAdd(text, count);
        return count;
    }
}
