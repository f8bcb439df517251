using System.Text.Json;
using FunctionsBatch.Core.Ledger;
using FunctionsBatch.Core.Prompts;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Orchestration.Processing;

/// <summary>
/// The checks every record passes before it is sent, online or as a batch line: its prompt renders (the record has
/// every field the template needs) and prompt plus <c>maxOutputTokens</c> fit the model's context window. Written
/// once, so both modes refuse the same records with the same reasons.
/// </summary>
public sealed class RecordPreparer(JobSpec spec, int contextWindow)
{
    private readonly ChatPrompt _prompt = new(spec.Prompt);

    public PreparedRecord Prepare(JsonElement record)
    {
        var rendered = _prompt.RenderUser(record);
        if (!rendered.Succeeded)
        {
            return PreparedRecord.Refused(RecordErrorCodes.MissingField, $"the template needs field(s) the record lacks: {string.Join(", ", rendered.Missing)}");
        }

        var messages = _prompt.Messages(rendered.Text!);
        int? promptTokens = null;
        // The exact count costs a tokenizer pass over the record's text; a bound that already fits needs none.
        if (ChatTokenCounter.PromptTokensUpperBound(messages) + spec.MaxOutputTokens > contextWindow)
        {
            promptTokens = ChatTokenCounter.CountPromptTokens(messages);
            if (promptTokens + spec.MaxOutputTokens > contextWindow)
            {
                return PreparedRecord.Refused(RecordErrorCodes.ContextLengthExceeded,
                    $"the prompt is {promptTokens} tokens; with maxOutputTokens {spec.MaxOutputTokens} it exceeds the {contextWindow}-token context window of {spec.Model}");
            }
        }

        return PreparedRecord.Ready(messages, ContentKey.Compute(spec, record), promptTokens);
    }
}
