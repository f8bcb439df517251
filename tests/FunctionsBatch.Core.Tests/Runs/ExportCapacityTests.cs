using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;

namespace FunctionsBatch.Core.Tests.Runs;

public sealed class ExportCapacityTests
{
    private static readonly JobSpec Spec = new()
    {
        Name = "job",
        Model = "gpt-4o-mini",
        PromptVersion = "v1",
        Prompt = new PromptSpec("system", "{{body}}"),
    };

    [Theory]
    [InlineData(RunModes.Online, 49_999, true)]
    [InlineData(RunModes.Online, 50_000, false)]
    [InlineData(RunModes.Batch, 9_999, true)]
    [InlineData(RunModes.Batch, 10_000, false)]
    public void Problem_ChunkCount_FitsWhileEveryPartHasABlock(string mode, int chunks, bool fits)
    {
        var staging = new StagingResult(chunks * 10, 10, chunks, 0);

        var problem = ExportCapacity.Problem(staging, mode, Spec with { Batch = BatchOptions.Default with { MaxResubmits = 2 } });

        Assert.Equal(fits, problem is null);
    }

    [Fact]
    public void Problem_TooManyChunks_NamesTheFieldAndTheSmallestChunkSizeThatFits()
    {
        var problem = ExportCapacity.Problem(new StagingResult(1_000_000, 10, 100_000, 0), RunModes.Online, Spec);

        Assert.Equal(
            "$.spec.chunkSize: 10 splits the 1,000,000 records into 100,000 chunks, and the results export holds at most 49,999 chunks in online mode; use a chunkSize of at least 21, or leave it out to have it derived",
            problem);
    }
}
