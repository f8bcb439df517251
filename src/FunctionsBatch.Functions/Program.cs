using FunctionsBatch.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddFunctionsApp(builder.Configuration, AppContext.BaseDirectory);
await builder.Build().RunAsync().ConfigureAwait(false);
