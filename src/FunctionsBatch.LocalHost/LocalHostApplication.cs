using DurableTask.AzureStorage;
using DurableTask.Core;
using FunctionsBatch.Azure;
using FunctionsBatch.Azure.Telemetry;
using FunctionsBatch.Http.Api;
using FunctionsBatch.LocalHost.Durable;
using FunctionsBatch.LocalHost.Http;
using FunctionsBatch.LocalHost.Timers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace FunctionsBatch.LocalHost;

/// <summary>Composes the local host: shared FunctionsBatch services, the Durable engine, the HTTP routes and the timer.</summary>
public static partial class LocalHostApplication
{
    public static WebApplication Build(string[] args)
    {
        // appsettings.json sits beside the binary; FunctionsBatch's own content root (jobs/, inputs, .run/) is separate.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(LocalHostOptions.DefaultUrl);
        }

        // RunsApi bounds the body itself and answers 413 as JSON.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null);

        var contentRoot = builder.Configuration["FunctionsBatch:ContentRoot"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured)
            : Directory.GetCurrentDirectory();
        AddLocalHost(builder.Services, builder.Configuration, contentRoot);

        var app = builder.Build();
        app.MapLocalHost();
        app.Lifetime.ApplicationStarted.Register(() => LogListening(
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalHostApplication)),
            string.Join(", ", app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [])));
        return app;
    }

    public static IServiceCollection AddLocalHost(IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddFunctionsBatch(configuration, contentRoot);
        services.AddFunctionsBatchTelemetry(configuration, "FunctionsBatch.LocalHost");
        services.AddOptions<LocalHostOptions>().Bind(configuration.GetSection(LocalHostOptions.Section));
        services.AddOptions<DurableTaskHostOptions>().Bind(configuration.GetSection(DurableTaskHostOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DurableTaskHostOptions>, DurableTaskHostOptionsValidator>();

        services.AddSingleton(sp => TaskHubServiceFactory.Create(
            sp.GetRequiredService<IOptions<DurableTaskHostOptions>>().Value,
            sp.GetRequiredService<FunctionsBatchSettings>().StorageConnectionString,
            sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton(sp => new TaskHubClient(
            sp.GetRequiredService<AzureStorageOrchestrationService>(), SystemTextJsonDataConverter.Instance, sp.GetRequiredService<ILoggerFactory>()));
        services.AddSingleton<IRunClient, TaskHubRunClient>();
        services.AddSingleton<RunsApi>();
        services.AddSingleton<DurableWorkerService>();
        services.AddHostedService(sp => sp.GetRequiredService<DurableWorkerService>());

        services.AddSingleton<NightlyTrigger>();
        services.AddHostedService<NightlyTimerService>();
        return services;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "FunctionsBatch local host listening on {Urls}")]
    private static partial void LogListening(ILogger logger, string urls);
}
