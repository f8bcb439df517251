using System.Globalization;
using FunctionsBatch.Azure;
using FunctionsBatch.Http.Api;
using FunctionsBatch.LocalHost.Durable;
using FunctionsBatch.LocalHost.Timers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace FunctionsBatch.LocalHost.Http;

/// <summary>The Functions app's HTTP surface: thin calls into <see cref="RunsApi"/>, plus health and the timer's admin trigger.</summary>
public static class LocalHostEndpoints
{
    public static WebApplication MapLocalHost(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var key = FunctionKeyLoader.Load(
            app.Services.GetRequiredService<IOptions<LocalHostOptions>>().Value,
            app.Services.GetRequiredService<FunctionsBatchSettings>().ContentRoot,
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FunctionKeyLoader)));
        var keyFilter = new FunctionKeyFilter(key);

        app.MapGet("/healthz", (DurableWorkerService worker) => worker.IsStarted
            ? Results.Json(new { status = "Healthy" }, statusCode: StatusCodes.Status200OK)
            : Results.Json(new { status = "Starting" }, statusCode: StatusCodes.Status503ServiceUnavailable));

        var api = app.MapGroup("/api").AddEndpointFilter(keyFilter);
        api.MapPost("/runs", async (HttpRequest request, RunsApi runs, CancellationToken ct) =>
            new ApiHttpResult(await runs.StartAsync(request.ContentType, request.Body, request.ContentLength, BaseUrl(request), ct).ConfigureAwait(false)));
        api.MapPost("/runs/estimate", async (HttpRequest request, RunsApi runs, CancellationToken ct) =>
            new ApiHttpResult(await runs.EstimateAsync(request.ContentType, request.Body, request.ContentLength, ct).ConfigureAwait(false)));
        api.MapGet("/costs", async ([FromQuery] string? from, [FromQuery] string? to, [FromQuery] string? groupBy, RunsApi runs, CancellationToken ct) =>
            new ApiHttpResult(await runs.GetCostsAsync(from, to, groupBy, ct).ConfigureAwait(false)));
        api.MapGet("/runs/{id}", async (string id, HttpRequest request, RunsApi runs, CancellationToken ct) =>
            new ApiHttpResult(await runs.GetAsync(id, BaseUrl(request), ct).ConfigureAwait(false)));
        api.MapGet("/runs/{id}/report", async (string id, HttpRequest request, RunsApi runs, CancellationToken ct) =>
            new ApiHttpResult(await runs.GetReportAsync(id, BaseUrl(request), ct).ConfigureAwait(false)));
        api.MapPost("/runs/{id}/cancel", async (string id, HttpRequest request, RunsApi runs, CancellationToken ct) =>
            new ApiHttpResult(await runs.CancelAsync(id, BaseUrl(request), ct).ConfigureAwait(false)));
        api.MapPost("/runs/{id}/retry-failed", async (string id, HttpRequest request, RunsApi runs, CancellationToken ct) =>
            new ApiHttpResult(await runs.RetryFailedAsync(id, BaseUrl(request), ct).ConfigureAwait(false)));
        api.MapGet("/runs/{id}/results", async (
            string id,
            [FromQuery] string? status,
            [FromQuery] string? pageSize,
            [FromQuery] string? continuationToken,
            RunsApi runs,
            CancellationToken ct) =>
            new ApiHttpResult(await runs.GetResultsAsync(id, status, pageSize, continuationToken, ct).ConfigureAwait(false)));

        var admin = app.MapGroup("/admin").AddEndpointFilter(keyFilter);
        admin.MapPost("/timers/nightly", async ([FromQuery] string? fireTime, NightlyTrigger trigger, TimeProvider time, CancellationToken ct) =>
        {
            var when = time.GetUtcNow().UtcDateTime;
            if (fireTime is not null && !DateTime.TryParse(fireTime, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out when))
            {
                return new ApiHttpResult(ApiResult.Error(
                    StatusCodes.Status400BadRequest, "invalid_query", "fireTime must be an ISO 8601 UTC time", [new ApiErrorDetail("fireTime", $"'{fireTime}' is not a time")]));
            }

            var started = await trigger.FireAsync(when, manual: true, ct).ConfigureAwait(false);
            return new ApiHttpResult(new ApiResult(StatusCodes.Status202Accepted, new { fireTime = when, started }));
        });

        return app;
    }

    private static string BaseUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";
}
