using System.Globalization;
using FunctionsBatch.Azure.Intake;
using FunctionsBatch.Azure.OpenAI;
using FunctionsBatch.Core.Models;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Http.Api;
using FunctionsBatch.Orchestration.Processing;
using Microsoft.Extensions.Configuration;

namespace FunctionsBatch.Azure;

/// <summary>
/// Settings both hosts read, by the same names as the Functions app's <c>local.settings.json</c> values
/// (double underscores there are the ':' separators here).
/// </summary>
public sealed record FunctionsBatchSettings(
    string StorageConnectionString,
    StorageIdentity? StorageIdentity,
    string ContentRoot,
    string JobsPath,
    string InputsPath,
    PriceTable Prices,
    RunsApiOptions Api,
    ModelLimits Models,
    OpenAISettings OpenAI,
    IntakeSettings Intake,
    ChunkTimeLimit ChunkTimeLimit)
{
    public const string StorageSetting = "AzureWebJobsStorage";

    /// <summary>The folder (relative to the content root) that <c>{"path": ...}</c> inputs may be read from.</summary>
    public const string InputsSetting = "FunctionsBatch:InputsPath";

    public static FunctionsBatchSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var root = Path.GetFullPath(configuration["FunctionsBatch:ContentRoot"] ?? contentRoot);
        var api = new RunsApiOptions();
        configuration.GetSection(RunsApiOptions.Section).Bind(api);
        var openAI = new OpenAISettings();
        configuration.GetSection(OpenAISettings.Section).Bind(openAI);
        var intake = new IntakeSettings();
        configuration.GetSection(IntakeSettings.Section).Bind(intake);
        return new FunctionsBatchSettings(
            configuration[StorageSetting] is { Length: > 0 } storage ? storage : "UseDevelopmentStorage=true",
            StorageIdentity.From(configuration.GetSection(StorageSetting)),
            root,
            Path.GetFullPath(configuration["FunctionsBatch:JobsPath"] ?? "jobs", root),
            Path.GetFullPath(configuration[InputsSetting] ?? "samples", root),
            ReadPrices(configuration.GetSection("FunctionsBatch:Prices")),
            api,
            ReadModelLimits(configuration.GetSection("FunctionsBatch:Models")),
            openAI,
            intake,
            configuration[ChunkTimeLimit.Setting] is { } seconds
                ? new ChunkTimeLimit(TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)))
                : ChunkTimeLimit.Default);
    }

    /// <summary><c>FunctionsBatch:Models:{deployment}:ContextWindow</c>; unknown deployments get the default window.</summary>
    private static ModelLimits ReadModelLimits(IConfigurationSection section) =>
        new(section.GetChildren()
            .Where(c => c["ContextWindow"] is not null)
            .ToDictionary(c => c.Key, c => int.Parse(c["ContextWindow"]!, CultureInfo.InvariantCulture), StringComparer.OrdinalIgnoreCase));

    /// <summary>Configured prices override or extend the list-price defaults, model by model.</summary>
    private static PriceTable ReadPrices(IConfigurationSection section)
    {
        var prices = new Dictionary<string, ModelPrice>(PriceTable.Default.Prices, StringComparer.OrdinalIgnoreCase);
        var batchPrices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var model in section.GetChildren().Where(c => c.Key is not ("AsOf" or "BatchDiscount")))
        {
            if (model["InputPerMillion"] is not null || model["OutputPerMillion"] is not null)
            {
                prices[model.Key] = new ModelPrice(
                    decimal.Parse(model["InputPerMillion"] ?? "0", CultureInfo.InvariantCulture),
                    decimal.Parse(model["CachedInputPerMillion"] ?? model["InputPerMillion"] ?? "0", CultureInfo.InvariantCulture),
                    decimal.Parse(model["OutputPerMillion"] ?? "0", CultureInfo.InvariantCulture));
            }

            if (model["BatchInputPerMillion"] is not null || model["BatchOutputPerMillion"] is not null)
            {
                batchPrices[model.Key] = new ModelPrice(
                    decimal.Parse(model["BatchInputPerMillion"] ?? "0", CultureInfo.InvariantCulture),
                    decimal.Parse(model["BatchCachedInputPerMillion"] ?? model["BatchInputPerMillion"] ?? "0", CultureInfo.InvariantCulture),
                    decimal.Parse(model["BatchOutputPerMillion"] ?? "0", CultureInfo.InvariantCulture));
            }
        }

        var asOf = section["AsOf"] is { } text ? DateOnly.Parse(text, CultureInfo.InvariantCulture) : PriceTable.Default.AsOf;
        var discount = section["BatchDiscount"] is { } factor ? decimal.Parse(factor, CultureInfo.InvariantCulture) : PriceTable.DefaultBatchDiscount;
        return new PriceTable(prices, asOf, discount, batchPrices);
    }
}
