using DualPrevention.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// The public base URL (<c>PublicBaseUrl</c>, see <see cref="PublicSite"/>) for QR codes, notification links and outbound
/// messages. Production without one starts, but warns: every printed card and sent link would carry whatever host the
/// request came through.
/// </summary>
internal static partial class PublicSiteRegistration
{
    public const string Key = "PublicBaseUrl";

    public static IServiceCollection AddPublicSite(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration[Key];
        Uri? baseUrl = null;
        if (!string.IsNullOrWhiteSpace(configured) && !Uri.TryCreate(configured, UriKind.Absolute, out baseUrl))
        {
            throw new InvalidOperationException($"{Key} must be an absolute http(s) URL, not '{configured}'.");
        }

        services.Replace(ServiceDescriptor.Singleton(new PublicSite(baseUrl)));
        services.AddHostedService<UnsetWarning>();
        return services;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "PublicBaseUrl is not set: QR codes, notification links and outbound messages carry the host of the request that made them. Set PublicBaseUrl to the address people reach the platform at.")]
    private static partial void LogUnset(ILogger logger);

    private sealed class UnsetWarning(PublicSite site, IHostEnvironment environment, ILogger<PublicSite> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (site.BaseUrl is null && environment.IsProduction())
            {
                LogUnset(logger);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
