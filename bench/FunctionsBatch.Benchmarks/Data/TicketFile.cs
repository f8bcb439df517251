using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FunctionsBatch.Benchmarks.Infrastructure;

namespace FunctionsBatch.Benchmarks.Data;

/// <summary>
/// Synthetic ticket inputs: the 2,000 sample tickets repeated with fresh ids (<c>B-0000000</c> ...), written once per
/// size under <c>samples/generated/</c> (in the host's inputs folder, git-ignored) and reused by later runs.
/// </summary>
public static class TicketFile
{
    /// <summary>Returns the path relative to the repository root (what a run's <c>input.path</c> takes).</summary>
    public static string Ensure(int count)
    {
        var relative = Path.Combine("samples", "generated", $"tickets-{count}.jsonl");
        var path = Path.Combine(RepoPaths.Root, relative);
        if (File.Exists(path))
        {
            return relative;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tails = ReadSampleTails();
        var temporary = path + ".tmp";
        using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(false), 1 << 20))
        {
            for (var i = 0; i < count; i++)
            {
                writer.Write("{\"id\":\"B-");
                writer.Write(i.ToString("D7", System.Globalization.CultureInfo.InvariantCulture));
                writer.Write('"');
                writer.Write(tails[i % tails.Count]);
                writer.Write('\n');
            }
        }

        File.Move(temporary, path, overwrite: true);
        return relative;
    }

    /// <summary>The first <paramref name="count"/> records of a generated file, parsed.</summary>
    public static IReadOnlyList<JsonElement> Read(string relativePath, int count)
    {
        var records = new List<JsonElement>(count);
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, relativePath)))
        {
            if (records.Count == count)
            {
                break;
            }

            using var document = JsonDocument.Parse(line);
            records.Add(document.RootElement.Clone());
        }

        return records;
    }

    /// <summary>Each sample ticket without its id, as the JSON text after the id property (",...}" or "}").</summary>
    private static List<string> ReadSampleTails()
    {
        var tails = new List<string>();
        foreach (var line in File.ReadLines(Path.Combine(RepoPaths.Root, "samples", "tickets.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var ticket = JsonNode.Parse(line)!.AsObject();
            ticket.Remove("id");
            var json = ticket.ToJsonString();
            tails.Add(json.Length > 2 ? "," + json[1..] : "}");
        }

        return tails;
    }
}
