using System.Collections.Concurrent;

namespace FunctionsBatch.Simulator.Batches;

/// <summary>The files of the Files API, in memory.</summary>
public sealed class FileStore
{
    private readonly ConcurrentDictionary<string, StoredFile> _files = new(StringComparer.Ordinal);

    public StoredFile Add(string fileName, string purpose, byte[] content, DateTimeOffset createdAt)
    {
        var file = new StoredFile("file-" + Guid.NewGuid().ToString("N"), fileName, purpose, content, createdAt);
        _files[file.Id] = file;
        return file;
    }

    public StoredFile? Get(string id) => _files.GetValueOrDefault(id);

    public bool Delete(string id) => _files.TryRemove(id, out _);
}
