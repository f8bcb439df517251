using System.Text.Json;
using FunctionsBatch.Core.Batch;
using FunctionsBatch.Simulator.Batches;
using FunctionsBatch.Simulator.Configuration;

namespace FunctionsBatch.Simulator.Http;

/// <summary>
/// The Azure OpenAI Files and Batches REST routes: <c>/openai/files</c> (multipart upload with purpose <c>batch</c>,
/// get, content, delete) and <c>/openai/batches</c> (create, get, cancel), each needing the key and an <c>api-version</c>.
/// </summary>
public static class BatchEndpoints
{
    public static IEndpointRouteBuilder MapBatchApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost("/openai/files", UploadAsync);
        endpoints.MapGet("/openai/files/{id}", GetFile);
        endpoints.MapGet("/openai/files/{id}/content", GetFileContent);
        endpoints.MapDelete("/openai/files/{id}", DeleteFile);
        endpoints.MapPost("/openai/batches", CreateAsync);
        endpoints.MapGet("/openai/batches/{id}", GetBatch);
        endpoints.MapPost("/openai/batches/{id}/cancel", CancelBatch);
        return endpoints;
    }

    private static async Task<IResult> UploadAsync(HttpContext context, FileStore files, SimulatorSettings settings, TimeProvider time)
    {
        if (Refuse(context, settings) is { } refused)
        {
            return refused;
        }

        if (!context.Request.HasFormContentType)
        {
            return AzureErrors.BadRequest("The upload must be multipart/form-data with 'purpose' and 'file'.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        if (form["purpose"].ToString() != "batch")
        {
            return AzureErrors.BadRequest("The simulator accepts files with purpose 'batch' only.");
        }

        if (form.Files.GetFile("file") is not { } upload)
        {
            return AzureErrors.BadRequest("Missing required parameter: 'file'.");
        }

        using var buffer = new MemoryStream();
        await upload.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        var file = files.Add(upload.FileName, "batch", buffer.ToArray(), time.GetUtcNow());
        return Results.Json(FileObject(file), statusCode: StatusCodes.Status201Created);
    }

    private static IResult GetFile(HttpContext context, string id, FileStore files, SimulatorSettings settings) =>
        Refuse(context, settings) ?? (files.Get(id) is { } file ? Results.Json(FileObject(file)) : AzureErrors.NotFound());

    private static IResult GetFileContent(HttpContext context, string id, FileStore files, SimulatorSettings settings) =>
        Refuse(context, settings) ?? (files.Get(id) is { } file ? Results.Bytes(file.Content, "application/octet-stream") : AzureErrors.NotFound());

    private static IResult DeleteFile(HttpContext context, string id, FileStore files, SimulatorSettings settings) =>
        Refuse(context, settings) ?? (files.Delete(id) ? Results.Json(new { id, @object = "file", deleted = true }) : AzureErrors.NotFound());

    private static async Task<IResult> CreateAsync(HttpContext context, FileStore files, BatchEngine engine, SimulatorSettings settings)
    {
        if (Refuse(context, settings) is { } refused)
        {
            return refused;
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(context.Request.Body, default, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            return AzureErrors.BadRequest($"The request body is not valid JSON: {ex.Message}");
        }

        using (body)
        {
            var root = body.RootElement;
            var inputFileId = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("input_file_id", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null;
            if (inputFileId is null)
            {
                return AzureErrors.BadRequest("Missing required parameter: 'input_file_id'.");
            }

            if (!root.TryGetProperty("endpoint", out var endpoint) || endpoint.GetString() is not (BatchRequestLine.Url or "/v1" + BatchRequestLine.Url))
            {
                return AzureErrors.BadRequest("'endpoint' must be '/chat/completions'.");
            }

            if (!root.TryGetProperty("completion_window", out var window) || window.GetString() != "24h")
            {
                return AzureErrors.BadRequest("'completion_window' must be '24h'.");
            }

            if (files.Get(inputFileId) is not { Purpose: "batch" } input)
            {
                return AzureErrors.BadRequest($"No file with purpose 'batch' has the id '{inputFileId}'.");
            }

            var batch = engine.Create(input);
            return Results.Bytes(engine.Describe(batch), "application/json");
        }
    }

    private static IResult GetBatch(HttpContext context, string id, BatchEngine engine, SimulatorSettings settings) =>
        Refuse(context, settings) ?? (engine.Get(id) is { } batch ? Results.Bytes(engine.Describe(batch), "application/json") : AzureErrors.NotFound());

    private static IResult CancelBatch(HttpContext context, string id, BatchEngine engine, SimulatorSettings settings) =>
        Refuse(context, settings) ?? (engine.Cancel(id) is { } batch ? Results.Bytes(engine.Describe(batch), "application/json") : AzureErrors.NotFound());

    private static IResult? Refuse(HttpContext context, SimulatorSettings settings)
    {
        if (!ApiKeyAuthorization.IsAuthorized(context.Request, settings.Current.ApiKey))
        {
            return AzureErrors.Unauthorized();
        }

        return string.IsNullOrEmpty(context.Request.Query["api-version"].ToString())
            ? AzureErrors.BadRequest("Missing required query parameter: 'api-version'.")
            : null;
    }

    private static Dictionary<string, object?> FileObject(StoredFile file) => new()
    {
        ["object"] = "file",
        ["id"] = file.Id,
        ["purpose"] = file.Purpose,
        ["filename"] = file.FileName,
        ["bytes"] = file.Content.LongLength,
        ["created_at"] = file.CreatedAt.ToUnixTimeSeconds(),
        ["status"] = "processed",
        ["status_details"] = null,
    };
}
