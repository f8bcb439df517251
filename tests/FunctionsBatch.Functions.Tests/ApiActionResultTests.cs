using System.Text.Json;
using FunctionsBatch.Functions.Http;
using FunctionsBatch.Http.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;

namespace FunctionsBatch.Functions.Tests;

public sealed class ApiActionResultTests
{
    [Fact]
    public async Task ExecuteResultAsync_Accepted_WritesStatusLocationAndCamelCaseJson()
    {
        var links = RunLinks.For("run-1", "https://app.example");
        var context = NewContext();

        await new ApiActionResult(new ApiResult(202, links, links.StatusQueryGetUri)).ExecuteResultAsync(context);

        var response = context.HttpContext.Response;
        Assert.Equal(202, response.StatusCode);
        Assert.Equal("https://app.example/api/runs/run-1", response.Headers.Location.ToString());
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(Body(response));
        Assert.Equal("run-1", body.RootElement.GetProperty("id").GetString());
        Assert.Equal("https://app.example/api/runs/run-1/cancel", body.RootElement.GetProperty("cancelPostUri").GetString());
    }

    [Fact]
    public async Task ExecuteResultAsync_Error_WritesProblemDetailsWithCodeAndDetailsAndNoLocation()
    {
        var context = NewContext();

        await new ApiActionResult(ApiResult.Error(400, "invalid_spec", "the job spec is not valid", [new ApiErrorDetail("$.spec.model", "is required")])).ExecuteResultAsync(context);

        var response = context.HttpContext.Response;
        Assert.Equal(400, response.StatusCode);
        Assert.False(response.Headers.ContainsKey("Location"));
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        using var body = JsonDocument.Parse(Body(response));
        var problem = body.RootElement;
        Assert.Equal((400, "Bad Request", "the job spec is not valid", "invalid_spec"), (problem.GetProperty("status").GetInt32(), problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString(), problem.GetProperty("code").GetString()));
        var detail = Assert.Single(problem.GetProperty("details").EnumerateArray());
        Assert.Equal(("$.spec.model", "is required"), (detail.GetProperty("path").GetString(), detail.GetProperty("message").GetString()));
    }

    [Fact]
    public async Task ExecuteResultAsync_NoBody_WritesNothing()
    {
        var context = NewContext();

        await new ApiActionResult(new ApiResult(204, null)).ExecuteResultAsync(context);

        Assert.Equal(204, context.HttpContext.Response.StatusCode);
        Assert.Equal(0, context.HttpContext.Response.Body.Length);
    }

    [Fact]
    public async Task ExecuteResultAsync_HtmlPage_WritesHtmlWithItsContentSecurityPolicy()
    {
        var context = NewContext();

        await new ApiActionResult(new ApiResult(200, new HtmlPage("<!DOCTYPE html><p>report</p>", "default-src 'none'"))).ExecuteResultAsync(context);

        var response = context.HttpContext.Response;
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        Assert.Equal("default-src 'none'", response.Headers.ContentSecurityPolicy.ToString());
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("<!DOCTYPE html><p>report</p>", Body(response));
    }

    private static ActionContext NewContext()
    {
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        return new ActionContext(http, new RouteData(), new ActionDescriptor());
    }

    private static string Body(HttpResponse response)
    {
        response.Body.Position = 0;
        return new StreamReader(response.Body).ReadToEnd();
    }
}
