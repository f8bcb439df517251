using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using FunctionsBatch.Core.Estimation;
using FunctionsBatch.Core.Pricing;
using FunctionsBatch.Core.Records;
using FunctionsBatch.Core.Runs;
using FunctionsBatch.Core.Specs;
using FunctionsBatch.Http.Reports;
using FunctionsBatch.Orchestration;
using Microsoft.Extensions.Logging;

namespace FunctionsBatch.Http.Api;

/// <summary>
/// What the HTTP and timer triggers do, written once for both hosts: validate, stage the request's records,
/// schedule the run by name, and describe runs in the Durable management-API style.
/// </summary>
public sealed partial class RunsApi(
    IRunClient client,
    IRunStaging staging,
    IRunResultStore results,
    IRunCostStore costs,
    JobCatalog catalog,
    RunsApiOptions options,
    PriceTable prices,
    TimeProvider time,
    RunReportService reports,
    ILogger<RunsApi> logger)
{
    public async Task<ApiResult> StartAsync(string? contentType, Stream body, long? contentLength, string baseUrl, CancellationToken cancellationToken)
    {
        var (request, error) = await ReadRequestAsync(contentType, body, contentLength, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return error!;
        }

        if (request.Source is { } external
            && await staging.CheckSourceAsync(external, cancellationToken).ConfigureAwait(false) is { } problem)
        {
            return ApiResult.Error(400, "invalid_request", "the input cannot be read", [new ApiErrorDetail("$.input", problem)]);
        }

        var runId = NewRunId(request.Spec.Name);
        var source = request.Source ?? await staging.WriteInputAsync(runId, request.Records, cancellationToken).ConfigureAwait(false);
        await client.StartAsync(new RunInput(runId, request.Spec, source, RunTriggers.Http), cancellationToken).ConfigureAwait(false);
        LogStarted(runId, request.Spec.Name, request.Records.Count);
        var estimate = request.Source is null ? RunEstimator.Estimate(request.Spec, request.Records, prices) : null;
        return new ApiResult(202, new StartedRun(RunLinks.For(runId, baseUrl), estimate), RunLinks.StatusUrl(runId, baseUrl));
    }

    /// <summary>The dry run: what starting this request would cost, without starting it.</summary>
    public async Task<ApiResult> EstimateAsync(string? contentType, Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        var (request, error) = await ReadRequestAsync(contentType, body, contentLength, cancellationToken).ConfigureAwait(false);
        if (request is null)
        {
            return error!;
        }

        return request.Source is null
            ? new ApiResult(200, RunEstimator.Estimate(request.Spec, request.Records, prices))
            : ApiResult.Error(400, "invalid_request", "an estimate needs the records inline", [new ApiErrorDetail("$.input", "file and blob inputs are estimated when staged, not before")]);
    }

    private async Task<(StartRunRequest? Request, ApiResult? Error)> ReadRequestAsync(
        string? contentType, Stream body, long? contentLength, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (!IsJson(contentType))
        {
            return (null, ApiResult.Error(415, "unsupported_media_type", $"the body must be JSON sent with 'Content-Type: application/json', not '{contentType ?? "(none)"}'"));
        }

        if (contentLength > options.MaxRequestBytes)
        {
            return (null, TooLarge());
        }

        JsonDocument document;
        try
        {
            document = await ReadBoundedAsync(body, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestTooLargeException)
        {
            return (null, TooLarge());
        }
        catch (JsonException ex)
        {
            return (null, ApiResult.Error(400, "malformed_json", $"the body is not valid JSON: {ex.Message}"));
        }

        using (document)
        {
            if (JsonTextCheck.FindInvalid(document.RootElement, "$") is { } where)
            {
                return (null, ApiResult.Error(400, "invalid_request", "the request cannot be run; see details", [new ApiErrorDetail(where, JsonTextCheck.Problem)]));
            }

            if (DuplicateKeys.Find(document.RootElement, "$") is { } repeated)
            {
                return (null, ApiResult.Error(400, "invalid_request", "the request cannot be run; see details",
                    [new ApiErrorDetail(repeated, "is given twice in the same object; which one was meant is not guessed")]));
            }

            StartRunRequest request;
            try
            {
                request = StartRunRequestParser.Parse(document.RootElement, catalog.Find, options.MaxRecordsPerRequest);
            }
            catch (JobSpecException ex)
            {
                return (null, ApiResult.Error(400, "invalid_request", "the request cannot be run; see details", ToDetails(ex.Errors)));
            }

            return prices.Knows(request.Spec.Model)
                ? (request, null)
                : (null, ApiResult.Error(400, "invalid_request", "the request cannot be run; see details",
                    [new ApiErrorDetail("model", $"no price is configured for model '{request.Spec.Model}', so its cost cannot be tracked; add it under FunctionsBatch__Prices")]));
        }
    }

    public async Task<ApiResult> GetAsync(string runId, string baseUrl, CancellationToken cancellationToken)
    {
        var state = await client.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return UnknownRun(runId);
        }

        // A large run's counts move inside its running chunk group; show them as they go.
        if (state is { Summary: null, Progress.ActiveGroupId: { } groupId }
            && await client.GetAsync(groupId, cancellationToken).ConfigureAwait(false) is { Progress: { } group })
        {
            state = state with { Progress = state.Progress.Including(group) };
        }

        return new ApiResult(200, RunStatusView.From(state, baseUrl));
    }

    /// <summary><c>GET /api/runs/{id}/report</c>: the run as a self-contained HTML page (charts as inline SVG, no external requests).</summary>
    public async Task<ApiResult> GetReportAsync(string runId, string baseUrl, CancellationToken cancellationToken)
    {
        var status = await GetAsync(runId, baseUrl, cancellationToken).ConfigureAwait(false);
        return status.Body is RunStatusView view
            ? new ApiResult(200, await reports.RenderAsync(view, cancellationToken).ConfigureAwait(false))
            : status;
    }

    public async Task<ApiResult> CancelAsync(string runId, string baseUrl, CancellationToken cancellationToken)
    {
        var state = await client.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return UnknownRun(runId);
        }

        if (RuntimeStatusNames.IsFinished(state.RuntimeStatus))
        {
            return ApiResult.Error(409, "run_finished", $"run '{runId}' already finished ({state.RuntimeStatus}); there is nothing to cancel");
        }

        await client.RequestCancelAsync(runId, cancellationToken).ConfigureAwait(false);
        LogCancelRequested(runId);
        return new ApiResult(202, RunLinks.For(runId, baseUrl), RunLinks.StatusUrl(runId, baseUrl));
    }

    public async Task<ApiResult> GetResultsAsync(
        string runId, string? status, string? pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        if (status is not null and not (RecordStatus.Succeeded or RecordStatus.Failed or RecordStatus.Skipped))
        {
            return ApiResult.Error(400, "invalid_query", "status must be one of succeeded, failed, skipped", [new ApiErrorDetail("status", $"'{status}' is not a record status")]);
        }

        var size = options.MaxResultsPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > options.MaxResultsPageSize))
        {
            return ApiResult.Error(400, "invalid_query", $"pageSize must be a whole number from 1 to {options.MaxResultsPageSize}", [new ApiErrorDetail("pageSize", $"'{pageSize}' is out of range")]);
        }

        if (await client.GetAsync(runId, cancellationToken).ConfigureAwait(false) is null)
        {
            return UnknownRun(runId);
        }

        var page = await results.QueryAsync(runId, status, size, continuationToken, cancellationToken).ConfigureAwait(false);
        return new ApiResult(200, new { runId, status, count = page.Results.Count, results = page.Results, continuationToken = page.ContinuationToken });
    }

    /// <summary>
    /// Starts a new run over only the failed records of a finished run, with the same spec and prompt version,
    /// linked to it through <see cref="RunInput.RetryOf"/>.
    /// </summary>
    public async Task<ApiResult> RetryFailedAsync(string runId, string baseUrl, CancellationToken cancellationToken)
    {
        var state = await client.GetAsync(runId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return UnknownRun(runId);
        }

        if (!RuntimeStatusNames.IsFinished(state.RuntimeStatus))
        {
            return ApiResult.Error(409, "run_not_finished", $"run '{runId}' is {state.RuntimeStatus}; retry its failures once it has finished");
        }

        var failed = await ReadAllAsync(runId, RecordStatus.Failed, cancellationToken).ConfigureAwait(false);
        if (failed.Count == 0)
        {
            return ApiResult.Error(409, "no_failed_records", $"run '{runId}' has no failed records to retry");
        }

        var records = new List<JsonElement>(failed.Count);
        foreach (var chunk in failed.GroupBy(r => r.ChunkIndex))
        {
            var wanted = chunk.Select(r => r.RecordId).ToHashSet(StringComparer.Ordinal);
            var staged = await staging.ReadChunkAsync(new ChunkRef(runId, chunk.Key), cancellationToken).ConfigureAwait(false);
            records.AddRange(staged.Where(r => wanted.Contains(r.GetProperty("id").GetString()!)));
        }

        var spec = await staging.GetSpecAsync(runId, cancellationToken).ConfigureAwait(false);
        var retryId = NewRunId(spec.Name);
        var source = await staging.WriteInputAsync(retryId, records, cancellationToken).ConfigureAwait(false);
        await client.StartAsync(new RunInput(retryId, spec, source, RunTriggers.RetryFailed, runId), cancellationToken).ConfigureAwait(false);
        LogRetryStarted(retryId, runId, records.Count);
        return new ApiResult(202, RunLinks.For(retryId, baseUrl), RunLinks.StatusUrl(retryId, baseUrl));
    }

    /// <summary><c>GET /api/costs?from=&amp;to=&amp;groupBy=</c>: cost of the runs started in [from, to), summed by one dimension.</summary>
    public async Task<ApiResult> GetCostsAsync(string? from, string? to, string? groupBy, CancellationToken cancellationToken)
    {
        var errors = new List<ApiErrorDetail>();
        var now = time.GetUtcNow().UtcDateTime;
        var fromUtc = ParseTime(from, "from", now.AddDays(-30), errors);
        var toUtc = ParseTime(to, "to", now.AddMinutes(1), errors);
        var dimension = groupBy ?? "job";
        if (!CostReport.Dimensions.ContainsKey(dimension))
        {
            errors.Add(new ApiErrorDetail("groupBy", $"'{dimension}' is not one of {string.Join(", ", CostReport.Dimensions.Keys)}"));
        }

        if (errors.Count == 0 && fromUtc >= toUtc)
        {
            errors.Add(new ApiErrorDetail("from", "must be before 'to'"));
        }

        if (errors.Count > 0)
        {
            return ApiResult.Error(400, "invalid_query", "the cost query cannot be answered; see details", errors);
        }

        var rows = await costs.QueryAsync(fromUtc, toUtc, cancellationToken).ConfigureAwait(false);
        var groups = CostReport.GroupBy(rows, dimension);
        return new ApiResult(200, new
        {
            from = fromUtc,
            to = toUtc,
            groupBy = dimension,
            pricesAsOf = prices.AsOf,
            totalCostMicros = groups.Sum(g => g.CostMicros),
            groups,
        });
    }

    private static DateTime ParseTime(string? text, string name, DateTime fallback, List<ApiErrorDetail> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        errors.Add(new ApiErrorDetail(name, $"'{text}' is not an ISO 8601 time"));
        return fallback;
    }

    /// <summary>Starts every scheduled job once per night: the instance id is derived from job and date, so a second fire finds it and starts nothing.</summary>
    public async Task<IReadOnlyList<string>> StartScheduledAsync(DateTime fireTimeUtc, CancellationToken cancellationToken)
    {
        var started = new List<string>();
        foreach (var job in catalog.Scheduled)
        {
            if (job.Input is null)
            {
                LogScheduledWithoutInput(job.Name);
                continue;
            }

            var runId = NightlyRunId(job.Name, fireTimeUtc);
            if (await client.GetAsync(runId, cancellationToken).ConfigureAwait(false) is not null)
            {
                LogAlreadyStarted(runId);
                continue;
            }

            var input = new RunInput(runId, job, job.Input, RunTriggers.Timer);
            if (await client.StartAsync(input, cancellationToken).ConfigureAwait(false))
            {
                started.Add(runId);
                LogScheduledStarted(runId, job.Name, job.Input.Kind, job.Input.Location);
            }
        }

        return started;
    }

    public static string NightlyRunId(string job, DateTime fireTimeUtc) =>
        $"{job}-nightly-{fireTimeUtc.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    private async Task<List<RecordResult>> ReadAllAsync(string runId, string status, CancellationToken cancellationToken)
    {
        var all = new List<RecordResult>();
        string? continuation = null;
        do
        {
            var page = await results.QueryAsync(runId, status, options.MaxResultsPageSize, continuation, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Results);
            continuation = page.ContinuationToken;
        }
        while (continuation is not null);

        return all;
    }

    private string NewRunId(string job) =>
        $"{job}-{time.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid().ToString("N")[..8]}";

    private async Task<JsonDocument> ReadBoundedAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > options.MaxRequestBytes)
            {
                throw new RequestTooLargeException();
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            throw new JsonException("the body is empty");
        }

        buffer.Position = 0;
        return await JsonDocument.ParseAsync(buffer, default, cancellationToken).ConfigureAwait(false);
    }

    /// <summary><c>application/json</c>, in UTF-8 if a charset is named; <c>application/jsonx</c> is not.</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase)
        && (string.IsNullOrEmpty(media.CharSet) || string.Equals(media.CharSet.Trim('"'), "utf-8", StringComparison.OrdinalIgnoreCase));

    private ApiResult TooLarge() =>
        ApiResult.Error(413, "request_too_large", $"the body is larger than {options.MaxRequestBytes} bytes; stage big inputs as a file or blob instead");

    private static ApiResult UnknownRun(string runId) =>
        ApiResult.Error(404, "run_not_found", $"no run with id '{runId}'");

    private static ApiErrorDetail[] ToDetails(IReadOnlyList<SpecError> errors) =>
        errors.Select(e => new ApiErrorDetail(e.Path, e.Message)).ToArray();

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} of job {Job} scheduled ({Records} records)")]
    private partial void LogStarted(string runId, string job, int records);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly run {RunId} of job {Job} scheduled over {InputKind} {InputLocation}")]
    private partial void LogScheduledStarted(string runId, string job, string inputKind, string inputLocation);

    [LoggerMessage(Level = LogLevel.Information, Message = "Run {RunId} retries {Records} failed records of run {RetryOf}")]
    private partial void LogRetryStarted(string runId, string retryOf, int records);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancel requested for run {RunId}")]
    private partial void LogCancelRequested(string runId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Nightly run {RunId} already exists; not starting it again")]
    private partial void LogAlreadyStarted(string runId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {Job} has a schedule but no input; the timer cannot start it")]
    private partial void LogScheduledWithoutInput(string job);
}
