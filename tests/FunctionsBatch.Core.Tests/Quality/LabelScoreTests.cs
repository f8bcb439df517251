using FunctionsBatch.Core.Quality;

namespace FunctionsBatch.Core.Tests.Quality;

public sealed class LabelScoreTests
{
    // Expected → actual: cat→cat, cat→dog, cat→" CAT ", dog→dog, dog→(none), bird→bird, bird→fish.
    // Correct: 4 of 7.
    // CAT:  support 3, predicted 2, TP 2 → P 1,   R 2/3 → F1 = 2·(2/3)/(5/3) = 0.8
    // DOG:  support 2, predicted 2, TP 1 → P 1/2, R 1/2 → F1 0.5
    // BIRD: support 2, predicted 1, TP 1 → P 1,   R 1/2 → F1 = 2·(1/2)/(3/2) = 2/3
    // FISH: support 0, predicted 1, TP 0 → P 0,   R 0   → F1 0 (not an expected class, so not in macro-F1)
    // Macro-F1 = (0.8 + 0.5 + 2/3) / 3 = 0.655556.
    private static readonly LabelPair[] Pairs =
    [
        new("cat", "cat"),
        new("cat", "dog"),
        new("Cat", " CAT "),
        new("dog", "Dog"),
        new("dog", null),
        new("bird", "bird"),
        new("bird", "fish"),
    ];

    [Fact]
    public void Compute_HandExample_GivesAccuracyWithWilsonInterval()
    {
        var score = LabelScore.Compute(Pairs);

        Assert.Equal(ProportionInterval.Wilson(4, 7), score.Accuracy);
        Assert.Equal(4.0 / 7, score.Accuracy.Rate, 10);
        Assert.Equal(1, score.Missing);
    }

    [Fact]
    public void Compute_HandExample_GivesPerClassPrecisionRecallF1()
    {
        var classes = LabelScore.Compute(Pairs).Classes.ToDictionary(c => c.Label);

        Assert.Equal(["BIRD", "CAT", "DOG", "FISH"], classes.Keys);
        Assert.Equal((3, 2, 2, 1.0), (classes["CAT"].Support, classes["CAT"].Predicted, classes["CAT"].TruePositives, classes["CAT"].Precision));
        Assert.Equal(2.0 / 3, classes["CAT"].Recall, 10);
        Assert.Equal(0.8, classes["CAT"].F1, 10);
        Assert.Equal(new ClassScore("DOG", 2, 2, 1, 0.5, 0.5, 0.5), classes["DOG"]);
        Assert.Equal((2, 1, 1, 1.0, 0.5), (classes["BIRD"].Support, classes["BIRD"].Predicted, classes["BIRD"].TruePositives, classes["BIRD"].Precision, classes["BIRD"].Recall));
        Assert.Equal(2.0 / 3, classes["BIRD"].F1, 10);
        Assert.Equal(new ClassScore("FISH", 0, 1, 0, 0, 0, 0), classes["FISH"]);
    }

    [Fact]
    public void Compute_HandExample_MacroF1AveragesOnlyExpectedClasses()
    {
        var score = LabelScore.Compute(Pairs);

        Assert.Equal((0.8 + 0.5 + 2.0 / 3) / 3, score.MacroF1, 10);
        Assert.Equal(0.655556, score.MacroF1, 6);
    }

    [Fact]
    public void Compute_HandExample_ConfusionMatrixCountsMissingAsItsOwnColumn()
    {
        var confusion = LabelScore.Compute(Pairs).Confusion;

        Assert.Equal(["BIRD", "CAT", "DOG"], confusion.ExpectedLabels);
        Assert.Equal(["BIRD", "CAT", "DOG", "FISH", ConfusionMatrix.MissingLabel], confusion.PredictedLabels);
        Assert.Equal(7, confusion.Total);
        Assert.Equal(2, confusion.Count("cat", "cat"));
        Assert.Equal(1, confusion.Count("CAT", "dog"));
        Assert.Equal(1, confusion.Count("dog", "dog"));
        Assert.Equal(1, confusion.Count("dog", ConfusionMatrix.MissingLabel));
        Assert.Equal(1, confusion.Count("dog", null));
        Assert.Equal(1, confusion.Count("bird", "fish"));
        Assert.Equal(0, confusion.Count("bird", "cat"));
    }

    [Fact]
    public void Compute_WhitespaceAnswer_CountsAsMissing()
    {
        var score = LabelScore.Compute([new LabelPair("yes", "   ")]);

        Assert.Equal(1, score.Missing);
        Assert.Equal(0, score.Accuracy.Successes);
        Assert.Equal(1, score.Confusion.Count("YES", ConfusionMatrix.MissingLabel));
    }

    [Fact]
    public void Compute_NoPairs_IsEmpty()
    {
        var score = LabelScore.Compute([]);

        Assert.Equal(ProportionInterval.Wilson(0, 0), score.Accuracy);
        Assert.Equal(0, score.MacroF1);
        Assert.Empty(score.Classes);
        Assert.Equal(0, score.Confusion.Total);
    }

    [Fact]
    public void Compute_BlankExpectedLabel_Throws()
    {
        Assert.Throws<ArgumentException>(() => LabelScore.Compute([new LabelPair(" ", "a")]));
    }
}
