using System.Text;
using Microsoft.AspNetCore.Http;

namespace FunctionsBatch.Azure.Tests.TestSupport;

/// <summary>Hand-written answers for <see cref="StubModelServer"/>.</summary>
public static class StubAnswers
{
    public const string Content = "hello there";

    public const string Completion = """{"id":"chatcmpl-1","object":"chat.completion","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"hello there"}}],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""";

    public static Task WriteAsync(HttpContext context, string body, string contentType = "application/json")
    {
        context.Response.ContentType = contentType;
        return context.Response.WriteAsync(body);
    }

    /// <summary>Sends the headers and the first bytes of a full completion, then drops the connection.</summary>
    public static async Task ResetMidBodyAsync(HttpContext context)
    {
        var bytes = Encoding.UTF8.GetBytes(Completion);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, 40));
        await context.Response.Body.FlushAsync();
        await Task.Delay(100);
        context.Abort();
    }

    /// <summary>Sends the headers and the first bytes of a full completion, then goes quiet until the client leaves.</summary>
    public static async Task StallMidBodyAsync(HttpContext context)
    {
        var bytes = Encoding.UTF8.GetBytes(Completion);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, 40));
        await context.Response.Body.FlushAsync();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
