using FunctionsBatch.Azure.OpenAI;
using FunctionsBatch.Azure.Tests.TestSupport;
using FunctionsBatch.Orchestration.Processing;

namespace FunctionsBatch.Azure.Tests.OpenAI;

public sealed class ModelFailureClassifierTests
{
    [Theory]
    [InlineData(0, RecordErrorCodes.ConnectionFailed, true)]
    [InlineData(408, RecordErrorCodes.Timeout, true)]
    [InlineData(429, RecordErrorCodes.Throttled, true)]
    [InlineData(500, RecordErrorCodes.ServerError, true)]
    [InlineData(502, RecordErrorCodes.ServerError, true)]
    [InlineData(503, RecordErrorCodes.ServerError, true)]
    [InlineData(504, RecordErrorCodes.ServerError, true)]
    [InlineData(401, RecordErrorCodes.Unauthorized, false)]
    [InlineData(403, RecordErrorCodes.Unauthorized, false)]
    [InlineData(404, RecordErrorCodes.NotFound, false)]
    [InlineData(400, RecordErrorCodes.BadRequest, false)]
    [InlineData(422, RecordErrorCodes.BadRequest, false)]
    public void FromStatus_Status_MapsToCodeAndRetryability(int status, string code, bool retryable)
    {
        var result = ModelFailureClassifier.FromStatus(status, FakePipelineResponse.Error(status, "SomeCode", "went wrong"), "fallback", 12);

        Assert.False(result.Succeeded);
        Assert.Equal(code, result.ErrorCode);
        Assert.Equal(retryable, result.Retryable);
        Assert.Equal(status == 0 ? null : status, result.HttpStatus);
        Assert.Equal(status == 429 ? 1 : 0, result.Throttled);
        Assert.Equal(12, result.LatencyMs);
        Assert.Equal("went wrong", result.ErrorMessage);
    }

    [Theory]
    [InlineData("content_filter", "anything", RecordErrorCodes.ContentFilter)]
    [InlineData("BadRequest", "The response was filtered due to the prompt triggering Azure OpenAI's content management policy.", RecordErrorCodes.ContentFilter)]
    [InlineData("context_length_exceeded", "too long", RecordErrorCodes.ContextLengthExceeded)]
    [InlineData("BadRequest", "This model's maximum context length is 128000 tokens.", RecordErrorCodes.ContextLengthExceeded)]
    [InlineData("invalid_value", "max_tokens must be positive", RecordErrorCodes.BadRequest)]
    public void FromStatus_BadRequestBody_ReadsReasonFromErrorCodeOrMessage(string code, string message, string expected)
    {
        var result = ModelFailureClassifier.FromStatus(400, FakePipelineResponse.Error(400, code, message), "fallback", 0);

        Assert.Equal(expected, result.ErrorCode);
        Assert.False(result.Retryable);
        Assert.Null(result.RetryAfter);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("<html>gateway</html>")]
    [InlineData("[1,2]")]
    [InlineData("""{"error":"just a string"}""")]
    [InlineData("""{"error":{"code":7}}""")]
    public void FromStatus_BodyWithoutErrorMessage_UsesFallbackMessage(string? body)
    {
        var result = ModelFailureClassifier.FromStatus(503, new FakePipelineResponse(503, body), "the SDK's message", 0);

        Assert.Equal("the SDK's message", result.ErrorMessage);
        Assert.Equal(RecordErrorCodes.ServerError, result.ErrorCode);
    }

    [Fact]
    public void FromStatus_NoResponse_UsesFallbackAndNoRetryAfter()
    {
        var result = ModelFailureClassifier.FromStatus(0, null, "An error occurred while sending the request.", 3);

        Assert.Equal(RecordErrorCodes.ConnectionFailed, result.ErrorCode);
        Assert.Equal("An error occurred while sending the request.", result.ErrorMessage);
        Assert.Null(result.RetryAfter);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    [InlineData(408)]
    public void FromStatus_TransientWithRetryAfterMs_CarriesRetryAfter(int status)
    {
        var headers = new Dictionary<string, string> { ["retry-after-ms"] = "750" };

        var result = ModelFailureClassifier.FromStatus(status, new FakePipelineResponse(status, null, headers), "x", 0);

        Assert.Equal(TimeSpan.FromMilliseconds(750), result.RetryAfter);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public void FromStatus_PermanentWithRetryAfter_IgnoresRetryAfter(int status)
    {
        var headers = new Dictionary<string, string> { ["retry-after-ms"] = "750", ["Retry-After"] = "1" };

        var result = ModelFailureClassifier.FromStatus(status, new FakePipelineResponse(status, null, headers), "x", 0);

        Assert.Null(result.RetryAfter);
        Assert.False(result.Retryable);
    }

    [Fact]
    public void RetryAfter_BothHeaders_PrefersMilliseconds()
    {
        var headers = new Dictionary<string, string> { ["retry-after-ms"] = "1250", ["Retry-After"] = "2" };

        Assert.Equal(TimeSpan.FromMilliseconds(1250), ModelFailureClassifier.RetryAfter(new FakePipelineResponse(429, null, headers)));
    }

    [Theory]
    [InlineData("3", 3000)]
    [InlineData("0", 0)]
    [InlineData("1.5", 1500)]
    public void RetryAfter_OnlySecondsHeader_ReadsSeconds(string value, int expectedMs)
    {
        var headers = new Dictionary<string, string> { ["Retry-After"] = value };

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), ModelFailureClassifier.RetryAfter(new FakePipelineResponse(429, null, headers)));
    }

    [Theory]
    [InlineData("12.5", 12.5)]
    [InlineData("0", 0)]
    public void RetryAfter_FractionalOrZeroMilliseconds_ReadsExactly(string value, double expectedMs)
    {
        var headers = new Dictionary<string, string> { ["retry-after-ms"] = value };

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), ModelFailureClassifier.RetryAfter(new FakePipelineResponse(429, null, headers)));
    }

    [Theory]
    [InlineData("soon", "2", 2000)]
    [InlineData("-5", "2", 2000)]
    [InlineData("-5", "-1", null)]
    [InlineData("abc", "Wed, 21 Oct 2015 07:28:00 GMT", null)]
    public void RetryAfter_UnreadableMilliseconds_FallsBackToSecondsOrNull(string milliseconds, string seconds, int? expectedMs)
    {
        var headers = new Dictionary<string, string> { ["retry-after-ms"] = milliseconds, ["Retry-After"] = seconds };

        var retryAfter = ModelFailureClassifier.RetryAfter(new FakePipelineResponse(429, null, headers));

        Assert.Equal(expectedMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, retryAfter);
    }

    [Fact]
    public void RetryAfter_NoHeadersOrNoResponse_ReturnsNull()
    {
        Assert.Null(ModelFailureClassifier.RetryAfter(new FakePipelineResponse(429)));
        Assert.Null(ModelFailureClassifier.RetryAfter(null));
    }
}
