using System.Collections.Concurrent;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Orchestration.Tests.Fakes;

/// <summary>Records each staged part and export request, and answers with where the real exporter would have written it.</summary>
public sealed class FakeRunExporter : IRunExporter
{
    private readonly ConcurrentQueue<ExportRequest> _requests = new();
    private readonly ConcurrentDictionary<string, IReadOnlyList<RecordResult>> _parts = new();

    public IReadOnlyList<ExportRequest> Requests => _requests.ToArray();

    /// <summary>The rows of every staged part, by part key; a part staged again replaces itself.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<RecordResult>> Parts => _parts;

    public Task StageAsync(ExportPart part, IReadOnlyList<RecordResult> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(part);
        _parts[part.Key] = rows.ToArray();
        return Task.CompletedTask;
    }

    public Task<RunExport> ExportAsync(ExportRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        _requests.Enqueue(request);
        var name = $"{request.Job}/{request.RunId}.jsonl";
        return Task.FromResult(new RunExport("exports", name, $"http://storage.test/exports/{name}", 0, 0));
    }
}
