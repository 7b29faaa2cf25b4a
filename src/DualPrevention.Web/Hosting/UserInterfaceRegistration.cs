using System.IO.Compression;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.ResponseCompression;
using MudBlazor.Services;

namespace DualPrevention.Web.Hosting;

/// <summary>Blazor Server with MudBlazor, the circuit's tenant scope, and compressed responses.</summary>
internal static class UserInterfaceRegistration
{
    public static WebApplicationBuilder AddUserInterface(this WebApplicationBuilder builder)
    {
        var services = builder.Services;

        // Chinese pages stay readable (and smaller) when CJK is written as text, not as numeric entities.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorComponents().AddInteractiveServerComponents();
        // Retention of disconnected circuits and the render batches a slow client may leave unacknowledged (ADR 0020).
        services.Configure<CircuitOptions>(builder.Configuration.GetSection(CircuitMemory.Section));
        // Pages and API answers are compressed as they are written; static assets were compressed at publish (ADR 0013).
        // Also behind the TLS proxy: the secrets a page carries (antiforgery tokens, component state) are encrypted
        // afresh for every response and the SameSite cookie keeps other sites from replaying requests, which leaves a
        // BREACH-style attack nothing to recover.
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Optimal);
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, TenantScopeCircuitHandler>();
        services.AddMudServices();
        services.AddHttpContextAccessor();
        return builder;
    }
}
