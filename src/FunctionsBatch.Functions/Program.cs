using FunctionsBatch.Azure.Telemetry;
using FunctionsBatch.Functions;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFunctionsApp(builder.Configuration, AppContext.BaseDirectory);
builder.Services.AddFunctionsBatchTelemetry(builder.Configuration, "FunctionsBatch.Functions").UseFunctionsWorkerDefaults();
await builder.Build().RunAsync().ConfigureAwait(false);
