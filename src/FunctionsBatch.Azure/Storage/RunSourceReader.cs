using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FunctionsBatch.Azure.Intake;
using FunctionsBatch.Core.Intake;
using FunctionsBatch.Core.Records;
using FunctionsBatch.Core.Runs;

namespace FunctionsBatch.Azure.Storage;

/// <summary>
/// Streams a run's source as lines, never holding more than one blob's current line: the staged request body, a
/// file under the content root, one blob, every blob under a prefix (name order, JSONL or CSV), or the intake log
/// a queue drain wrote.
/// </summary>
public sealed class RunSourceReader(StorageClients storage, QueueIntake intake, FunctionsBatchSettings settings)
{
    public async IAsyncEnumerable<SourceLine> ReadAsync(string runId, RunSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        switch (source.Kind)
        {
            case RunSourceKinds.BlobPrefix:
                var (container, prefix) = Split(source.Location);
                foreach (var name in await ListAsync(container, prefix, cancellationToken).ConfigureAwait(false))
                {
                    await using var blob = await storage.Blobs.GetBlobContainerClient(container).GetBlobClient(name)
                        .OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
                    var where = $"blob '{container}/{name}'";
                    var lines = source.Format == InputFormats.Csv ? ReadCsv(blob, where).ToAsyncEnumerable() : ReadJsonLinesAsync(blob, where, cancellationToken);
                    await foreach (var line in lines.ConfigureAwait(false))
                    {
                        yield return line;
                    }
                }

                break;
            case RunSourceKinds.Queue:
                await intake.DrainAsync(runId, source.Location, cancellationToken).ConfigureAwait(false);
                var runs = await storage.RunsAsync().ConfigureAwait(false);
                await using (var log = await runs.GetBlobClient(QueueIntake.LogBlob(runId)).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    await foreach (var line in ReadIntakeLogAsync(log, cancellationToken).ConfigureAwait(false))
                    {
                        yield return line;
                    }
                }

                break;
            default:
                await using (var stream = await OpenAsync(source, cancellationToken).ConfigureAwait(false))
                {
                    await foreach (var line in ReadJsonLinesAsync(stream, null, cancellationToken).ConfigureAwait(false))
                    {
                        yield return line;
                    }
                }

                break;
        }
    }

    /// <summary>
    /// About how many records the source holds, before it is read, to size its chunks: its length divided by the
    /// average line length of its first <see cref="EstimateSampleBytes"/> bytes (exact for a smaller source), or a
    /// queue's approximate message count.
    /// </summary>
    public async Task<long> EstimateRecordsAsync(RunSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        switch (source.Kind)
        {
            case RunSourceKinds.Queue:
                var queue = storage.Queues.GetQueueClient(source.Location);
                return await queue.ExistsAsync(cancellationToken).ConfigureAwait(false)
                    ? (await queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false)).Value.ApproximateMessagesCount
                    : 0;
            case RunSourceKinds.BlobPrefix:
                var (container, prefix) = Split(source.Location);
                var blobs = storage.Blobs.GetBlobContainerClient(container);
                long bytes = 0;
                string? first = null;
                await foreach (var item in blobs.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
                {
                    bytes += item.Properties.ContentLength ?? 0;
                    first = first is null || string.CompareOrdinal(item.Name, first) < 0 ? item.Name : first;
                }

                if (first is null)
                {
                    return 0;
                }

                await using (var sample = await blobs.GetBlobClient(first).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    return await EstimateLinesAsync(sample, bytes, cancellationToken).ConfigureAwait(false);
                }

            default:
                await using (var stream = await OpenAsync(source, cancellationToken).ConfigureAwait(false))
                {
                    return await EstimateLinesAsync(stream, stream.Length, cancellationToken).ConfigureAwait(false);
                }
        }
    }

    /// <summary>Why a file, blob or blob-prefix source cannot be read, or null when it can; checked before a run starts.</summary>
    public async Task<string?> CheckAsync(RunSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        try
        {
            switch (source.Kind)
            {
                case RunSourceKinds.File:
                    var path = InputFile(source.Location);
                    return path is null
                        ? $"'{Shown(source.Location)}' is outside the inputs folder '{InputsFolder()}' (setting {FunctionsBatchSettings.InputsSetting.Replace(":", "__", StringComparison.Ordinal)}), or in a folder never read (dot-folders, the jobs folder); file inputs are read only from there"
                        : File.Exists(path) ? null : $"no file '{source.Location}' in the inputs folder";
                case RunSourceKinds.Blob:
                    return await ExternalBlob(source.Location).ExistsAsync(cancellationToken).ConfigureAwait(false) ? null : $"no blob '{source.Location}'";
                case RunSourceKinds.BlobPrefix:
                    return await CheckPrefixAsync(source, cancellationToken).ConfigureAwait(false);
                case RunSourceKinds.Queue:
                    // A queue that does not exist would give a run of 0 records that looks like a night with no work.
                    return await storage.Queues.GetQueueClient(source.Location).ExistsAsync(cancellationToken).ConfigureAwait(false)
                        ? null
                        : $"no queue named {source.Location} in the storage account";
                default:
                    return null;
            }
        }
        catch (RequestFailedException ex)
        {
            return $"'{source.Location}' cannot be read: {ex.ErrorCode ?? ex.Status.ToString(CultureInfo.InvariantCulture)}";
        }
    }

    /// <summary>At least one blob, and for CSV a header with an <c>id</c> column in every blob (only first lines are read).</summary>
    private async Task<string?> CheckPrefixAsync(RunSource source, CancellationToken cancellationToken)
    {
        var (container, prefix) = Split(source.Location);
        var names = await ListAsync(container, prefix, cancellationToken).ConfigureAwait(false);
        if (names.Count == 0)
        {
            return $"no blob in container '{container}' has a name starting with '{prefix}'";
        }

        if (source.Format != InputFormats.Csv)
        {
            return null;
        }

        foreach (var name in names)
        {
            await using var blob = await storage.Blobs.GetBlobContainerClient(container).GetBlobClient(name)
                .OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(blob, Encoding.UTF8);
            try
            {
                CsvRecordReader.Open(reader);
            }
            catch (FormatException ex)
            {
                return $"blob '{container}/{name}': {ex.Message}";
            }
        }

        return null;
    }

    private const int EstimateSampleBytes = 64 * 1024;

    private static async Task<long> EstimateLinesAsync(Stream sample, long totalBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[EstimateSampleBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await sample.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
        {
            read += n;
        }

        if (read == 0)
        {
            return 0;
        }

        var lines = buffer.AsSpan(0, read).Count((byte)'\n') + (buffer[read - 1] == (byte)'\n' ? 0 : 1);
        return (long)Math.Ceiling(totalBytes * (double)lines / read);
    }

    private async Task<List<string>> ListAsync(string container, string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        await foreach (var item in storage.Blobs.GetBlobContainerClient(container)
                           .GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken).ConfigureAwait(false))
        {
            names.Add(item.Name);
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private static async IAsyncEnumerable<SourceLine> ReadJsonLinesAsync(Stream stream, string? where, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line))
            {
                yield return new SourceLine(RowKeyOf(where, lineNumber), where is null ? null : $"{where} line {lineNumber}", line);
            }
        }
    }

    /// <exception cref="InvalidDataException">The CSV header is unusable: the run cannot read this blob at all.</exception>
    private static IEnumerable<SourceLine> ReadCsv(Stream stream, string where)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        CsvRecordReader records;
        try
        {
            records = CsvRecordReader.Open(reader);
        }
        catch (FormatException ex)
        {
            throw new InvalidDataException($"{where}: {ex.Message}", ex);
        }

        while (true)
        {
            CsvRecord? row;
            try
            {
                // CsvRowReader reads synchronously from the blob stream, which buffers 4 MiB per request.
                row = records.Read();
            }
            catch (FormatException ex)
            {
                throw new InvalidDataException($"{where}: {ex.Message}", ex);
            }

            if (row is null)
            {
                yield break;
            }

            yield return new SourceLine(RowKeyOf(where, row.Line), $"{where} line {row.Line}", row.Json, row.Problem);
        }
    }

    private static async IAsyncEnumerable<SourceLine> ReadIntakeLogAsync(Stream log, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(log, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } text)
        {
            if (text.Length == 0)
            {
                continue;
            }

            var entry = IntakeEntry.Parse(text);
            yield return entry.IsRecord
                ? new SourceLine($"message-{entry.MessageId}", null, entry.RecordJson)
                : new SourceLine($"message-{entry.MessageId}", $"message {entry.MessageId}", null, entry.Problem, entry.Code);
        }
    }

    private Task<Stream> OpenAsync(RunSource source, CancellationToken cancellationToken) => source.Kind switch
    {
        RunSourceKinds.StagedBlob => OpenBlobAsync(storage.RunsAsync(), source.Location, cancellationToken),
        RunSourceKinds.Blob => ExternalBlob(source.Location).OpenReadAsync(cancellationToken: cancellationToken),
        RunSourceKinds.File => Task.FromResult<Stream>(File.OpenRead(InputFile(source.Location)
            ?? throw new InvalidOperationException($"'{Shown(source.Location)}' is not a file input the host may read."))),
        _ => throw new NotSupportedException($"Unknown run source kind '{source.Kind}'."),
    };

    private static async Task<Stream> OpenBlobAsync(Task<BlobContainerClient> container, string name, CancellationToken cancellationToken) =>
        await (await container.ConfigureAwait(false)).GetBlobClient(name).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The full path of an input file, or null when it is not one the host may read: outside the inputs folder, under a
    /// dot-folder (<c>.run/</c> holds the function key) or the jobs folder, or not a path at all (a NUL character).
    /// Paths are relative to the content root.
    /// </summary>
    private string? InputFile(string location)
    {
        if (location.Any(char.IsControl))
        {
            return null;
        }

        string path;
        try
        {
            path = Path.GetFullPath(location, settings.ContentRoot);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }

        var inputs = Path.TrimEndingDirectorySeparator(settings.InputsPath) + Path.DirectorySeparatorChar;
        var jobs = Path.TrimEndingDirectorySeparator(settings.JobsPath) + Path.DirectorySeparatorChar;
        if (!path.StartsWith(inputs, StringComparison.Ordinal) || path.StartsWith(jobs, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = Path.GetRelativePath(settings.ContentRoot, path).Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return segments.Any(s => s.StartsWith('.')) ? null : path;
    }

    private string InputsFolder() => Path.GetRelativePath(settings.ContentRoot, settings.InputsPath) + "/";

    /// <summary>A location as it may be shown in an error: short, and without control characters.</summary>
    private static string Shown(string location)
    {
        var clean = new string(location.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return clean.Length <= 80 ? clean : clean[..80] + "…";
    }

    private BlobClient ExternalBlob(string location)
    {
        var (container, name) = Split(location);
        return storage.Blobs.GetBlobContainerClient(container).GetBlobClient(name);
    }

    private static (string Container, string Name) Split(string location)
    {
        var parts = location.Split('/', 2);
        return (parts[0], parts.Length > 1 ? parts[1] : string.Empty);
    }

    /// <summary><c>line-N</c> for a single source (as before); the blob name and line for a prefix, without characters a row key forbids.</summary>
    private static string RowKeyOf(string? where, int lineNumber)
    {
        var key = $"line-{lineNumber.ToString(CultureInfo.InvariantCulture)}";
        if (where is null)
        {
            return key;
        }

        var safe = new StringBuilder(where.Length + key.Length + 1);
        foreach (var c in where.Replace("blob '", string.Empty, StringComparison.Ordinal).TrimEnd('\''))
        {
            safe.Append(c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c);
        }

        return safe.Append('-').Append(key).ToString();
    }
}
