using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using Azure.AI.OpenAI;
using FunctionsBatch.Azure.Tests.TestSupport;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using OpenAI.Chat;
using Xunit.Abstractions;

namespace FunctionsBatch.Azure.Tests.OpenAI;

public sealed class ProbeTests(ITestOutputHelper output)
{
    private const string Body = """{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"hello there"}}],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}""";

    [Theory]
    [InlineData("finish-null")]
    [InlineData("finish-weird")]
    public async Task Probe(string mode)
    {
        await using var stub = await StubModelServer.StartAsync(async (ctx, n) =>
        {
            var bytes = Encoding.UTF8.GetBytes(Body);
            switch (mode)
            {
                case "midbody-reset":
                    ctx.Response.ContentType = "application/json";
                    ctx.Response.ContentLength = bytes.Length;
                    await ctx.Response.Body.WriteAsync(bytes.AsMemory(0, 40));
                    await ctx.Response.Body.FlushAsync();
                    await Task.Delay(100);
                    ctx.Abort();
                    break;
                case "midbody-stall":
                    ctx.Response.ContentType = "application/json";
                    ctx.Response.ContentLength = bytes.Length;
                    await ctx.Response.Body.WriteAsync(bytes.AsMemory(0, 40));
                    await ctx.Response.Body.FlushAsync();
                    await Task.Delay(5000, ctx.RequestAborted).ContinueWith(_ => { });
                    break;
                case "short-content-length":
                    ctx.Response.ContentType = "application/json";
                    ctx.Response.ContentLength = bytes.Length + 100;
                    await ctx.Response.Body.WriteAsync(bytes);
                    await ctx.Response.Body.FlushAsync();
                    ctx.Abort();
                    break;
                case "empty-object":
                    await ctx.Response.WriteAsync("{}");
                    break;
                case "empty-choices":
                    await ctx.Response.WriteAsync("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":[]}""");
                    break;
                case "null-choices":
                    await ctx.Response.WriteAsync("""{"id":"x","object":"chat.completion","created":1,"model":"m","choices":null}""");
                    break;
                case "json-array":
                    await ctx.Response.WriteAsync("[]");
                    break;
                case "html":
                    ctx.Response.ContentType = "text/html";
                    await ctx.Response.WriteAsync("<html>bad gateway</html>");
                    break;
                case "finish-null":
                    await ctx.Response.WriteAsync(Body.Replace("\"stop\"", "null"));
                    break;
                case "finish-weird":
                    await ctx.Response.WriteAsync(Body.Replace("\"stop\"", "\"weird\""));
                    break;
                case "empty-200":
                    break;
            }
        });
        var client = new AzureOpenAIClient(stub.BaseAddress, new ApiKeyCredential("sim-key"), new AzureOpenAIClientOptions
        {
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = TimeSpan.FromSeconds(2),
        });
        var chat = client.GetChatClient("gpt-4o-mini");
        try
        {
            var r = await chat.CompleteChatAsync([new UserChatMessage("hello")], new ChatCompletionOptions { MaxOutputTokenCount = 50 });
            output.WriteLine("no exception, content count " + r.Value.Content.Count);
            output.WriteLine("finish " + r.Value.FinishReason);
            output.WriteLine("usage " + (r.Value.Usage is null));
        }
        catch (Exception ex)
        {
            for (var e = ex; e is not null; e = e.InnerException)
            {
                output.WriteLine($"{e.GetType().FullName}: {e.Message} {(e is ClientResultException c ? "status=" + c.Status : "")}");
                for (var t = e.GetType().BaseType; t is not null && t != typeof(object); t = t.BaseType) output.WriteLine("   base " + t.FullName);
            }
            output.WriteLine(string.Join('\n', ex.StackTrace!.Split('\n').Take(4)));
        }
    }
}
