using FunctionsBatch.Simulator;
using FunctionsBatch.Simulator.Http;

// The content root is the app's folder so appsettings.json applies whatever directory it is started from.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.UseSimulatorUrls();
builder.Services.AddSimulator(builder.Configuration);

var app = builder.Build();
app.MapSimulator();
app.Run();
