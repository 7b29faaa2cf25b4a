using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace DualPrevention.Web.Tests;

/// <summary>
/// Takes the connection's address from a test header, so a test client can come from any address: a trusted proxy,
/// an untrusted one, or many different clients (the test server has no connection of its own).
/// </summary>
internal sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (context.Request.Headers[Header] is [{ } address])
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(address);
            }

            return following(context);
        });
        next(app);
    };
}
