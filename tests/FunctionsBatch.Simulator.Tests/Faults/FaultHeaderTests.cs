using FunctionsBatch.Simulator.Chat;
using FunctionsBatch.Simulator.Faults;
using Microsoft.Extensions.Primitives;

namespace FunctionsBatch.Simulator.Tests.Faults;

public sealed class FaultHeaderTests
{
    [Fact]
    public void Parse_NoHeader_ReturnsNull() => Assert.Null(FaultHeader.Parse(StringValues.Empty));

    [Fact]
    public void Parse_None_ReturnsNoFaults() => Assert.Empty(FaultHeader.Parse("none")!);

    [Fact]
    public void Parse_SeveralKindsWithValues_ReadsEach()
    {
        var faults = FaultHeader.Parse(new StringValues(["Slow=150; server_error=503", "reset"]));

        Assert.Equal(
            [new ForcedFault(FaultKind.Slow, 150), new ForcedFault(FaultKind.ServerError, 503), new ForcedFault(FaultKind.Reset, null)],
            faults);
    }

    [Theory]
    [InlineData("throttle", FaultKind.Throttle)]
    [InlineData("server_error", FaultKind.ServerError)]
    [InlineData("slow", FaultKind.Slow)]
    [InlineData("reset", FaultKind.Reset)]
    [InlineData("truncated", FaultKind.Truncated)]
    [InlineData("content_filter", FaultKind.ContentFilter)]
    [InlineData("schema_violation", FaultKind.SchemaViolation)]
    public void Parse_EveryKindName_RoundTrips(string name, FaultKind kind)
    {
        Assert.Equal([new ForcedFault(kind, null)], FaultHeader.Parse(name));
        Assert.Equal(name, FaultKinds.Name(kind));
    }

    [Theory]
    [InlineData("thrtotle")]
    [InlineData("server_error=404")]
    [InlineData("slow=-5")]
    [InlineData("slow=soon")]
    [InlineData("reset=1")]
    public void Parse_BadKindOrValue_Throws400Error(string header)
    {
        var error = Assert.Throws<InvalidChatRequestException>(() => FaultHeader.Parse(header));

        Assert.Equal("invalid_value", error.Code);
        Assert.Equal("x-sim-fault", error.Param);
    }
}
