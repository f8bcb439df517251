namespace FunctionsBatch.Core.Quality;

/// <summary>How well one label was predicted.</summary>
/// <param name="Label">The normalized label.</param>
/// <param name="Support">Records whose expected label this is.</param>
/// <param name="Predicted">Records the model gave this label.</param>
/// <param name="TruePositives">Records expected and predicted as this label.</param>
/// <param name="Precision">TruePositives / Predicted: how often this prediction was right; 0 when never predicted.</param>
/// <param name="Recall">TruePositives / Support: how many of this label's records were found; 0 when never expected.</param>
/// <param name="F1">Harmonic mean of precision and recall; 0 when both are 0.</param>
public sealed record ClassScore(string Label, int Support, int Predicted, int TruePositives, double Precision, double Recall, double F1);
