namespace FunctionsBatch.Http.Api;

/// <summary>An <see cref="ApiResult"/> body that hosts write as <c>text/html</c> with its Content-Security-Policy, not as JSON.</summary>
public sealed record HtmlPage(string Html, string ContentSecurityPolicy);
