namespace FunctionsBatch.Core.Specs;

/// <summary>One problem with a request or spec: where (a JSON path such as <c>$.spec.chunkSize</c>) and why.</summary>
public sealed record SpecError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
