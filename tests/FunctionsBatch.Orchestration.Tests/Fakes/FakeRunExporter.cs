using System.Collections.Concurrent;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Tests.Fakes;

/// <summary>Records each export request and answers with where the real exporter would have written it.</summary>
public sealed class FakeRunExporter : IRunExporter
{
    private readonly ConcurrentQueue<ExportRequest> _requests = new();

    public IReadOnlyList<ExportRequest> Requests => _requests.ToArray();

    public Task<RunExport> ExportAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _requests.Enqueue(request);
        var name = $"{request.Job}/{request.RunId}.jsonl";
        return Task.FromResult(new RunExport("exports", name, $"http://storage.test/exports/{name}", 0, 0));
    }
}
