namespace FunctionsBatch.Simulator.Http;

public static class SimulatorEndpointRouteBuilderExtensions
{
    public static IEndpointRouteBuilder MapSimulator(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapPost(
            "/openai/deployments/{deployment}/chat/completions",
            (HttpContext context, string deployment, ChatCompletionsHandler handler) => handler.HandleAsync(context, deployment));
        endpoints.MapBatchApi();
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapGet("/sim/stats", SimulatorAdminEndpoints.Stats);
        endpoints.MapPost("/sim/reset", SimulatorAdminEndpoints.Reset);
        endpoints.MapGet("/sim/config", SimulatorAdminEndpoints.GetConfig);
        endpoints.MapPost("/sim/config", SimulatorAdminEndpoints.UpdateConfigAsync);
        endpoints.MapFallback(AzureErrors.NotFound);
        return endpoints;
    }
}
