using FunctionsBatch.Core.Prompts;
using FunctionsBatch.Core.Tests.Support;

namespace FunctionsBatch.Core.Tests.Prompts;

public sealed class PromptTemplateTests
{
    [Theory]
    [InlineData("Subject: {{subject}}", """{"subject":"Refund \"now\""}""", "Subject: Refund \"now\"")]
    [InlineData("Seats: {{seats}}, price {{price}}", """{"seats":42,"price":3.50}""", "Seats: 42, price 3.50")]
    [InlineData("Paying: {{paying}} / trial: {{trial}}", """{"paying":true,"trial":false}""", "Paying: true / trial: false")]
    [InlineData("Plan: {{account.plan.name}}", """{"account":{"plan":{"name":"pro"}}}""", "Plan: pro")]
    [InlineData("Customer: {{customer}}", """{"customer":{"name":"Ada","vip":true}}""", """Customer: {"name":"Ada","vip":true}""")]
    [InlineData("Tags: {{tags}}", """{"tags":["a","b"]}""", """Tags: ["a","b"]""")]
    [InlineData("{{ a }}+{{a}}={{sum}}", """{"a":1,"sum":2}""", "1+1=2")]
    [InlineData("Empty: [{{note}}]", """{"note":""}""", "Empty: []")]
    [InlineData("No placeholder", """{}""", "No placeholder")]
    public void Render_FieldsPresent_InsertsEachValue(string template, string record, string expected)
    {
        var result = PromptTemplate.Parse(template).Render(SpecJson.Element(record));

        Assert.True(result.Succeeded);
        Assert.Equal(expected, result.Text);
        Assert.Empty(result.Missing);
    }

    [Theory]
    [InlineData("{{subject}} {{body}}", """{"subject":"Hi"}""", new[] { "body" })]
    [InlineData("{{subject}} {{body}}", """{"subject":"Hi","body":null}""", new[] { "body" })]
    [InlineData("{{account.plan}}", """{"account":{}}""", new[] { "account.plan" })]
    [InlineData("{{account.plan}}", """{"account":"free"}""", new[] { "account.plan" })]
    [InlineData("{{a}} {{b}} {{a}}", """{}""", new[] { "a", "b" })]
    [InlineData("{{a}}", """[1,2]""", new[] { "a" })]
    public void Render_FieldMissingOrNull_ReportsItInsteadOfRenderingEmpty(string template, string record, string[] missing)
    {
        var result = PromptTemplate.Parse(template).Render(SpecJson.Element(record));

        Assert.False(result.Succeeded);
        Assert.Null(result.Text);
        Assert.Equal(missing, result.Missing);
    }

    [Fact]
    public void Fields_RepeatedPlaceholders_ListsEachFieldOnce()
    {
        var template = PromptTemplate.Parse("{{subject}} / {{ body }} / {{subject}} / {{meta.channel}}");

        Assert.Equal(["subject", "body", "meta.channel"], template.Fields);
    }

    [Theory]
    [InlineData("Ticket {{body", "placeholder at offset 7 is not closed with '}}'")]
    [InlineData("Ticket {{}}", "placeholder '{{}}' at offset 7 is not a field name")]
    [InlineData("{{body text}}", "placeholder '{{body text}}' at offset 0 is not a field name")]
    [InlineData("{{a..b}}", "placeholder '{{a..b}}' at offset 0 is not a field name")]
    public void Parse_MalformedPlaceholder_ReportsItAndTheStrictOverloadThrows(string text, string error)
    {
        PromptTemplate.Parse(text, out var errors);

        Assert.StartsWith(error, Assert.Single(errors), StringComparison.Ordinal);
        Assert.StartsWith(error, Assert.Throws<FormatException>(() => PromptTemplate.Parse(text)).Message, StringComparison.Ordinal);
    }
}
