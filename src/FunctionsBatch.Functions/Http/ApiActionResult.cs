using FunctionsBatch.Http;
using FunctionsBatch.Http.Api;
using Microsoft.AspNetCore.Mvc;

namespace FunctionsBatch.Functions.Http;

/// <summary>An <see cref="ApiResult"/> as the Functions app returns it, written by <see cref="ApiResponseWriter"/>.</summary>
public sealed class ApiActionResult(ApiResult result) : IActionResult
{
    public ApiResult Result { get; } = result ?? throw new ArgumentNullException(nameof(result));

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ApiResponseWriter.WriteAsync(context.HttpContext, Result);
    }
}
