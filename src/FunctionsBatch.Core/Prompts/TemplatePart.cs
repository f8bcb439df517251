namespace FunctionsBatch.Core.Prompts;

internal readonly record struct TemplatePart(bool IsField, string Value)
{
    public static TemplatePart Literal(string text) => new(false, text);

    public static TemplatePart Field(string name) => new(true, name);
}
