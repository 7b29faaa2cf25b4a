using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// The reverse proxies whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the app believes: loopback always,
/// plus <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR). Through
/// them the app sees the client's address (sign-in throttling, audit) and HTTPS (Secure cookies, HSTS).
/// Outside Development, an answer over HTTPS carries HSTS for a year; the platform's host name only, because the
/// province's domain may serve other hosts that are not on HTTPS yet.
/// </summary>
internal static class TrustedProxyRegistration
{
    public static WebApplicationBuilder AddTrustedProxies(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("ForwardedHeaders");
        // Empty entries (an unset environment variable in docker compose) trust nothing more.
        var proxies = (section.GetSection("KnownProxies").Get<string[]>() ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).ToArray();
        var networks = (section.GetSection("KnownNetworks").Get<string[]>() ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).ToArray();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return builder;
    }
}
