using FunctionsBatch.Functions.Http;
using Microsoft.AspNetCore.Http;

namespace FunctionsBatch.Functions.Tests;

public sealed class RequestBaseUrlTests
{
    [Fact]
    public void Of_DirectRequest_UsesSchemeAndHost()
    {
        var request = Request("http", "localhost:7071");

        Assert.Equal("http://localhost:7071", RequestBaseUrl.Of(request));
    }

    [Fact]
    public void Of_BehindTlsFrontEnd_UsesForwardedSchemeAndHost()
    {
        var request = Request("http", "127.0.0.1:49152");
        request.Headers[RequestBaseUrl.ForwardedProto] = "https";
        request.Headers[RequestBaseUrl.ForwardedHost] = "batch.example.net, 10.0.0.4";

        Assert.Equal("https://batch.example.net", RequestBaseUrl.Of(request));
    }

    private static HttpRequest Request(string scheme, string host)
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = scheme;
        request.Host = new HostString(host);
        return request;
    }
}
