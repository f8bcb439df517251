using System.Text.Json;
using System.Text.Json.Serialization;
using FunctionsBatch.Simulator.Batches;
using FunctionsBatch.Simulator.Configuration;
using FunctionsBatch.Simulator.Faults;
using FunctionsBatch.Simulator.RateLimiting;
using FunctionsBatch.Simulator.Stats;

namespace FunctionsBatch.Simulator.Http;

/// <summary>The <c>/sim/*</c> routes that tests and benchmarks use to read counters and reconfigure.</summary>
public static class SimulatorAdminEndpoints
{
    private static readonly JsonSerializerOptions UpdateJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static IResult Stats(SimulatorStats stats)
    {
        ArgumentNullException.ThrowIfNull(stats);
        return Results.Json(stats.Snapshot());
    }

    public static IResult Reset(SimulatorStats stats, RateLimiterRegistry limiter, FaultInjector faults, BatchEngine batches, ILogger<SimulatorStats> logger)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(stats);
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(faults);
        stats.Reset();
        limiter.Reset();
        faults.Reset();
        batches.Reset();
        SimulatorLog.Reset(logger);
        return Results.Json(stats.Snapshot());
    }

    public static IResult GetConfig(SimulatorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Results.Json(settings.Current);
    }

    public static async Task<IResult> UpdateConfigAsync(HttpContext context, SimulatorSettings settings, ILogger<SimulatorSettings> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);
        SimulatorConfigUpdate? update;
        try
        {
            update = await JsonSerializer.DeserializeAsync<SimulatorConfigUpdate>(context.Request.Body, UpdateJson, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return AzureErrors.BadRequest($"The configuration body is not valid: {ex.Message}");
        }

        if (update is null)
        {
            return AzureErrors.BadRequest("The configuration body must be a JSON object.");
        }

        try
        {
            var config = settings.Apply(update);
            SimulatorLog.Reconfigured(logger, config.LatencyMs, config.LatencyJitterMs, config.DefaultTokensPerMinute, config.DefaultRequestsPerMinute, config.Deployments.Count);
            return Results.Json(config);
        }
        catch (ArgumentException ex)
        {
            return AzureErrors.BadRequest(ex.Message);
        }
    }
}
