using System.Text.Json;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Core.Prompts;

/// <summary>A job's prompt ready to render per record: the system text plus the parsed user template.</summary>
public sealed class ChatPrompt
{
    public ChatPrompt(PromptSpec prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        System = prompt.System;
        User = PromptTemplate.Parse(prompt.User);
    }

    public string System { get; }

    public PromptTemplate User { get; }

    public RenderResult RenderUser(JsonElement record) => User.Render(record);

    public IReadOnlyList<ChatMessageText> Messages(string userText) =>
        string.IsNullOrEmpty(System)
            ? [new ChatMessageText("user", userText)]
            : [new ChatMessageText("system", System), new ChatMessageText("user", userText)];
}
