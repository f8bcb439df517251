using FunctionsBatch.Core.Batch;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Core.Tests.Batch;

public sealed class BatchLineReaderTests
{
    [Fact]
    public void Read_Answered_ReturnsContentAndUsage()
    {
        const string line = """{"id":"batch_req_1","custom_id":"c0-r3","response":{"status_code":200,"request_id":"r","body":{"choices":[{"index":0,"finish_reason":"stop","message":{"role":"assistant","content":"{\"a\":1}"}}],"usage":{"prompt_tokens":120,"completion_tokens":9,"prompt_tokens_details":{"cached_tokens":64}}}},"error":null}""";

        var result = BatchLineReader.Read(line);

        Assert.Equal(new BatchLineResult("c0-r3", true, "{\"a\":1}", new TokenUsage(120, 64, 9), 200, null, null, false, false), result);
    }

    [Theory]
    [InlineData("length", true)]
    [InlineData("stop", false)]
    public void Read_FinishReason_TellsWhetherTheAnswerWasCutOff(string finishReason, bool truncated)
    {
        var line = "{\"custom_id\":\"c0-r0\",\"response\":{\"status_code\":200,\"body\":{\"choices\":[{\"finish_reason\":\"" + finishReason
            + "\",\"message\":{\"content\":\"The customer\"}}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2}}}}";

        var result = BatchLineReader.Read(line);

        Assert.Equal((true, truncated), (result.Succeeded, result.Truncated));
    }

    [Fact]
    public void Read_AnswerWithoutUsage_SaysTheUsageIsMissing()
    {
        var result = BatchLineReader.Read("""{"custom_id":"c0-r0","response":{"status_code":200,"body":{"choices":[{"finish_reason":"stop","message":{"content":"ok"}}]}}}""");

        Assert.Equal((true, true, TokenUsage.Zero), (result.Succeeded, result.UsageMissing, result.Usage));
    }

    [Fact]
    public void Read_Expired_IsRetryableAndExpired()
    {
        var result = BatchLineReader.Read("""{"id":"x","custom_id":"c0-r1","response":null,"error":{"code":"batch_expired","message":"not run in 24h"}}""");

        Assert.Equal((false, true, true, "batch_expired"), (result.Succeeded, result.Expired, result.Retryable, result.ErrorCode));
    }

    [Theory]
    [InlineData(500, "server_error", true)]
    [InlineData(429, "429", true)]
    [InlineData(400, "content_filter", false)]
    [InlineData(404, "DeploymentNotFound", false)]
    public void Read_ErrorResponse_IsRetryableOnlyForTransientStatuses(int status, string code, bool retryable)
    {
        var line = "{\"custom_id\":\"c2-r0\",\"response\":{\"status_code\":" + status.ToString(System.Globalization.CultureInfo.InvariantCulture)
            + ",\"body\":{\"error\":{\"code\":\"" + code + "\",\"message\":\"m\"}}},\"error\":null}";

        var result = BatchLineReader.Read(line);

        Assert.Equal((false, false, retryable, code, (int?)status), (result.Succeeded, result.Expired, result.Retryable, result.ErrorCode, result.StatusCode));
    }

    [Fact]
    public void Read_ContentFilteredAnswer_FailsPermanentlyKeepingUsage()
    {
        var result = BatchLineReader.Read("""{"custom_id":"c0-r0","response":{"status_code":200,"body":{"choices":[{"finish_reason":"content_filter","message":{"content":null}}],"usage":{"prompt_tokens":5,"completion_tokens":1}}}}""");

        Assert.Equal((false, false, "content_filter", 6L), (result.Succeeded, result.Retryable, result.ErrorCode, result.Usage.TotalTokens));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"response":{"status_code":200}}""")]
    [InlineData("""{"custom_id":"c0-r0"}""")]
    public void Read_NotABatchLine_ThrowsFormatException(string line)
    {
        Assert.Throws<FormatException>(() => BatchLineReader.Read(line));
    }
}
