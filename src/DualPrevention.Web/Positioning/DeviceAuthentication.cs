using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace DualPrevention.Web.Positioning;

/// <summary>
/// HTTP Basic with a device credential's user name and secret (ADR 0036, ADR 0039), for the batch endpoint only: the
/// principal carries the credential and its enterprise, never a user's tenant scope. A missing, unknown, revoked or
/// wrong credential is answered 401 with a Basic challenge.
/// </summary>
internal sealed class DeviceAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IServiceScopeFactory scopes)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = Hosting.ApiDocument.DeviceBasicScheme;

    public const string CredentialIdClaim = "dp_device_credential";

    public const string EnterpriseIdClaim = "dp_device_enterprise";

    /// <summary>The user name in a Basic authorization header, or null; the rate limiter partitions by it before authentication.</summary>
    public static (string Username, string Secret)? Presented(HttpRequest request)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            return null;
        }

        Span<byte> bytes = stackalloc byte[256];
        if (header.Parameter.Length > 340 || !Convert.TryFromBase64String(header.Parameter, bytes, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes[..length]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (text[..colon], text[(colon + 1)..]) : null;
    }

    /// <summary>The enterprise of the authenticated device.</summary>
    public static Guid EnterpriseOf(ClaimsPrincipal device) => Guid.Parse(device.FindFirstValue(EnterpriseIdClaim)!);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        var (username, secret) = presented;

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var device = await scope.ServiceProvider.GetRequiredService<AuthenticateDevice.Handler>().HandleAsync(username, secret, Context.RequestAborted);
        if (device is null)
        {
            return AuthenticateResult.Fail("Unknown or revoked device credential, or a wrong secret.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, device.Username),
                new Claim(CredentialIdClaim, device.CredentialId.ToString()),
                new Claim(EnterpriseIdClaim, device.EnterpriseId.ToString()),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Basic realm=\"positioning\", charset=\"UTF-8\"";
        await TypedResults.Problem(
                title: CoreText.Get("Positioning.Device.Unauthenticated.Title"),
                detail: CoreText.Get("Positioning.Device.Unauthenticated"),
                statusCode: StatusCodes.Status401Unauthorized)
            .ExecuteAsync(Context);
    }
}
