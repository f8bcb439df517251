using FunctionsBatch.Core.Quality;

namespace FunctionsBatch.Core.Tests.Quality;

public sealed class TokenOverlapTests
{
    [Theory]
    // 2 shared; precision 2/2, recall 2/3 → F1 = 2·(2/3)/(5/3) = 0.8.
    [InlineData("the cat sat", "the cat", 0.8)]
    // Case and punctuation fold away: tokens THE, CAT, SAT on both sides.
    [InlineData("The cat sat.", "the CAT, sat!", 1.0)]
    // Bag overlap: expected {A, A, B}, actual {A, B, B} share A and B → P 2/3, R 2/3 → F1 2/3.
    [InlineData("a a b", "a b b", 2.0 / 3)]
    [InlineData("red apple", "green pear", 0.0)]
    // Digits are tokens: "3.5 kg" → 3, 5, KG; "3 kg" → 3, KG: P 1, R 2/3 → 0.8.
    [InlineData("3.5 kg", "3 kg", 0.8)]
    [InlineData("", "", 1.0)]
    [InlineData("...", "  ", 1.0)]
    [InlineData("answer", "", 0.0)]
    [InlineData("", "answer", 0.0)]
    [InlineData("answer", null, 0.0)]
    public void F1_KnownPairs_GivesSquadStyleOverlap(string expected, string? actual, double f1)
    {
        Assert.Equal(f1, TokenOverlap.F1(expected, actual), 10);
    }

    [Fact]
    public void F1_NonLatinLetters_AreTokens()
    {
        Assert.Equal(1.0, TokenOverlap.F1("Ärger über Öl", "ärger ÜBER öl"), 10);
    }

    [Fact]
    public void MeanF1_Pairs_AveragesEachPair()
    {
        // (0.8 + 1 + 0) / 3 = 0.6.
        TextPair[] pairs = [new("the cat sat", "the cat"), new("yes", "Yes."), new("no", null)];

        Assert.Equal(0.6, TokenOverlap.MeanF1(pairs), 10);
    }

    [Fact]
    public void MeanF1_NoPairs_IsZero()
    {
        Assert.Equal(0, TokenOverlap.MeanF1([]));
    }
}
