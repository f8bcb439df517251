using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Ledger;

/// <summary>
/// Identifies a piece of work by everything that decides its answer: the record's content (its id
/// included, so two records never share an answer by accident), the prompt and its version, the model, the
/// generation parameters and the response schema. A later run over the same record with the same key can
/// reuse the answer instead of paying for it again.
/// </summary>
public static class ContentKey
{
    private const string Version = "fb-ledger-v1";
    private const char Separator = '\u001f';

    public static string Compute(JobSpec spec, JsonElement record)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var text = new StringBuilder()
            .Append(Version).Append(Separator)
            .Append(spec.Model).Append(Separator)
            .Append(spec.PromptVersion).Append(Separator)
            .Append(spec.MaxOutputTokens).Append(Separator)
            .Append(spec.Prompt.System).Append(Separator)
            .Append(spec.Prompt.User).Append(Separator)
            .Append(spec.ResponseSchema?.GetRawText() ?? string.Empty).Append(Separator)
            .Append(JsonSerializer.Serialize(record));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
