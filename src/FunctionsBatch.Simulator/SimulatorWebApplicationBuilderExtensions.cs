using FunctionsBatch.Simulator.Configuration;

namespace FunctionsBatch.Simulator;

public static class SimulatorWebApplicationBuilderExtensions
{
    /// <summary>
    /// Listens on <c>Simulator:Urls</c>, else on <see cref="SimulatorOptions.DefaultUrl"/>, unless the host was
    /// already told where to listen (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>).
    /// </summary>
    public static WebApplicationBuilder UseSimulatorUrls(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        if (string.IsNullOrWhiteSpace(configuration[WebHostDefaults.ServerUrlsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpPortsKey])
            && string.IsNullOrWhiteSpace(configuration[WebHostDefaults.HttpsPortsKey]))
        {
            var urls = configuration[$"{SimulatorOptions.Section}:{nameof(SimulatorOptions.Urls)}"];
            builder.WebHost.UseUrls(string.IsNullOrWhiteSpace(urls) ? SimulatorOptions.DefaultUrl : urls);
        }

        return builder;
    }
}
