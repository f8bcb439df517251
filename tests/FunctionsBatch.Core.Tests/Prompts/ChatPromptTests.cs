using FunctionsBatch.Core.Prompts;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Core.Tests.Support;
using FunctionsBatch.Core.Tokens;

namespace FunctionsBatch.Core.Tests.Prompts;

public sealed class ChatPromptTests
{
    [Fact]
    public void Messages_WithSystemText_SendsSystemThenUser()
    {
        var prompt = new ChatPrompt(new PromptSpec("You triage tickets.", "Ticket: {{body}}"));
        var user = prompt.RenderUser(SpecJson.Element("""{"body":"Cannot log in"}"""));

        var messages = prompt.Messages(user.Text!);

        Assert.Equal([new ChatMessageText("system", "You triage tickets."), new ChatMessageText("user", "Ticket: Cannot log in")], messages);
    }

    [Fact]
    public void Messages_WithoutSystemText_SendsOnlyTheUserMessage()
    {
        var prompt = new ChatPrompt(new PromptSpec(string.Empty, "Ticket: {{body}}"));

        Assert.Equal([new ChatMessageText("user", "Ticket: x")], prompt.Messages("Ticket: x"));
    }

    [Fact]
    public void RenderUser_RecordLacksField_ReportsTheField()
    {
        var prompt = new ChatPrompt(new PromptSpec("System", "{{subject}}: {{body}}"));

        var result = prompt.RenderUser(SpecJson.Element("""{"subject":"Hi"}"""));

        Assert.Equal(["body"], result.Missing);
    }

    [Fact]
    public void Constructor_MalformedUserTemplate_Throws()
    {
        Assert.Throws<FormatException>(() => new ChatPrompt(new PromptSpec("System", "Ticket {{body")));
    }
}
