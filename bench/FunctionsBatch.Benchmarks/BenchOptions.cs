using System.Globalization;

namespace FunctionsBatch.Benchmarks;

/// <summary>
/// Command line: <c>[--quick] [--scenarios quota,overhead,resume] [--out docs/benchmarks] [--sizes 10000,100000]
/// [--quota-records N] [--quota-tpm N] [--quota-shapes Window,Bucket] [--quota-contenders pipeline-no-quota,...] [--burst-seconds S] [--chunk-size N] [--parallel-chunks N] [--concurrency N] [--ledger-lookups] [--host-setting KEY=VALUE]...</c>;
/// <c>--render results.json</c> only re-renders an earlier run's results (figures and markdown) without measuring;
/// the last four change the overhead scenario's spec (for tuning runs).
/// </summary>
public sealed record BenchOptions(
    bool Quick,
    IReadOnlySet<string> Scenarios,
    string OutputDirectory,
    IReadOnlyList<int>? Sizes,
    int? QuotaRecords,
    long? QuotaTokensPerMinute,
    double? BurstSeconds,
    IReadOnlyList<string>? QuotaShapes,
    IReadOnlySet<string>? QuotaContenders,
    int? ChunkSize,
    int? ParallelChunks,
    int? Concurrency,
    bool LedgerLookups,
    IReadOnlyDictionary<string, string> HostSettings,
    string? RenderFrom,
    string CommandLine)
{
    public static readonly string[] AllScenarios = ["quota", "overhead", "resume"];

    public static BenchOptions Parse(string[] args)
    {
        var quick = false;
        var scenarios = new HashSet<string>(AllScenarios, StringComparer.OrdinalIgnoreCase);
        var output = Path.Combine("docs", "benchmarks");
        IReadOnlyList<int>? sizes = null;
        int? quotaRecords = null;
        long? tpm = null;
        double? burst = null;
        IReadOnlyList<string>? shapes = null;
        IReadOnlySet<string>? contenders = null;
        int? chunkSize = null, parallelChunks = null, concurrency = null;
        var ledgerLookups = false;
        var hostSettings = new Dictionary<string, string>(StringComparer.Ordinal);
        string? renderFrom = null;
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--quick":
                    quick = true;
                    break;
                case "--scenarios":
                    scenarios = new HashSet<string>(Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
                    if (scenarios.Except(AllScenarios, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } unknown)
                    {
                        throw new ArgumentException($"unknown scenario '{unknown}'; choose from {string.Join(", ", AllScenarios)}");
                    }

                    break;
                case "--quota-shapes":
                    shapes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    break;
                case "--quota-contenders":
                    contenders = new HashSet<string>(Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.OrdinalIgnoreCase);
                    break;
                case "--out":
                    output = Next();
                    break;
                case "--sizes":
                    sizes = Next().Split(',').Select(s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)).ToArray();
                    break;
                case "--quota-records":
                    quotaRecords = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--quota-tpm":
                    tpm = long.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--burst-seconds":
                    burst = double.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--chunk-size":
                    chunkSize = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--parallel-chunks":
                    parallelChunks = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--concurrency":
                    concurrency = int.Parse(Next(), CultureInfo.InvariantCulture);
                    break;
                case "--ledger-lookups":
                    ledgerLookups = true;
                    break;
                case "--render":
                    renderFrom = Next();
                    break;
                case "--host-setting":
                    var pair = Next().Split('=', 2);
                    hostSettings[pair[0]] = pair.Length > 1 ? pair[1] : string.Empty;
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        var command = "./scripts/bench.sh" + (args.Length > 0 ? " " + string.Join(' ', args) : string.Empty);
        return new BenchOptions(quick, scenarios, output, sizes, quotaRecords, tpm, burst, shapes, contenders, chunkSize, parallelChunks, concurrency, ledgerLookups, hostSettings, renderFrom, command);
    }
}
