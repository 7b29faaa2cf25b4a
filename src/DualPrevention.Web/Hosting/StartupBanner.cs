using DualPrevention.Core.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DualPrevention.Web.Hosting;

/// <summary>Prints where the platform listens and the demo logins, for the run command.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, IReadOnlyList<DemoAccount> logins, string password)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string>
        {
            "",
            "==================================================================",
            $" DualPrevention is ready at {string.Join(", ", addresses)}",
            $" Demo logins (password: {password}):",
        };
        lines.AddRange(logins.Select(l => $"   {l.UserName,-22} {l.Role,-16} {l.ScopeName}"));
        lines.Add(" Health: /health/ready   API: /openapi/v1.json   Jobs: /jobs (admin)");
        lines.Add("==================================================================");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
