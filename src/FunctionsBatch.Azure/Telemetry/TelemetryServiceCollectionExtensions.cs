using Azure.Monitor.OpenTelemetry.Exporter;
using FunctionsBatch.Orchestration.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace FunctionsBatch.Azure.Telemetry;

/// <summary>
/// OpenTelemetry for both hosts: the <c>FunctionsBatch</c> traces and metrics, and logs with their scopes (run id,
/// chunk index). Exporters follow the settings: Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is
/// set, OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, the console when <c>FunctionsBatch__Telemetry__Console</c>
/// is true. With none of them, nothing is exported and instruments cost next to nothing.
/// </summary>
public static class TelemetryServiceCollectionExtensions
{
    public const string AzureMonitorSetting = "APPLICATIONINSIGHTS_CONNECTION_STRING";
    public const string OtlpSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";
    public const string ConsoleSetting = "FunctionsBatch:Telemetry:Console";

    /// <returns>The builder, for a host to add its own instrumentation (the Functions worker's defaults).</returns>
    public static IOpenTelemetryBuilder AddFunctionsBatchTelemetry(this IServiceCollection services, IConfiguration configuration, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var azureMonitor = configuration[AzureMonitorSetting] is { Length: > 0 } connection ? connection : null;
        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpSetting]);
        var console = string.Equals(configuration[ConsoleSetting], "true", StringComparison.OrdinalIgnoreCase);

        return services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithTracing(tracing =>
            {
                tracing.AddSource(FunctionsBatchTelemetry.Name);
                if (azureMonitor is not null)
                {
                    tracing.AddAzureMonitorTraceExporter(o => o.ConnectionString = azureMonitor);
                }

                if (otlp)
                {
                    tracing.AddOtlpExporter();
                }

                if (console)
                {
                    tracing.AddConsoleExporter();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(FunctionsBatchTelemetry.Name);
                if (azureMonitor is not null)
                {
                    metrics.AddAzureMonitorMetricExporter(o => o.ConnectionString = azureMonitor);
                }

                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }

                if (console)
                {
                    metrics.AddConsoleExporter();
                }
            })
            .WithLogging(
                logging =>
                {
                    if (azureMonitor is not null)
                    {
                        logging.AddAzureMonitorLogExporter(o => o.ConnectionString = azureMonitor);
                    }

                    if (otlp)
                    {
                        logging.AddOtlpExporter();
                    }
                },
                options =>
                {
                    options.IncludeScopes = true;
                    options.IncludeFormattedMessage = true;
                });
    }
}
