using System.Globalization;
using System.Text.Encodings.Web;
using System.Threading.RateLimiting;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Localization;
using DualPrevention.Web.Accounts;
using Microsoft.AspNetCore.RateLimiting;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// ASP.NET Core rate limiting on the requests that check a password (sign-in page, token, password change and
/// reset), per client address, with the limits of <see cref="SignInThrottleOptions"/>; refusals answer 429 with
/// Retry-After (a ProblemDetails for the API, a short page for browsers) and go to the audit trail (ADR 0017).
/// </summary>
internal static class SignInThrottleRegistration
{
    public static WebApplicationBuilder AddSignInThrottling(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SignInThrottleOptions>(builder.Configuration.GetSection(SignInThrottleOptions.Section));
        services.AddSingleton<SignInAttempts>();
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!ChecksAPassword(context.Request))
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var throttle = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignInThrottleOptions>>().Value;
                return RateLimitPartition.GetFixedWindowLimiter(ClientAddress(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = throttle.PerClientPermitLimit,
                    Window = throttle.PerClientWindow,
                    QueueLimit = 0,
                });
            });
            options.OnRejected = OnRejectedAsync;
        });
        return builder;
    }

    /// <summary>The client's address as the forwarded-headers middleware left it; "unknown" when there is none.</summary>
    public static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Sets 429 and Retry-After in whole seconds (at least 1) and returns the message in the request's language.</summary>
    public static string RefuseAsThrottled(HttpContext context, TimeSpan retryAfter)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return CoreText.Get("Login.Throttled", seconds);
    }

    /// <summary>Answers 429 with Retry-After: a ProblemDetails for the API, a short page for browsers.</summary>
    public static async Task WriteTooManyRequestsAsync(HttpContext context, TimeSpan retryAfter)
    {
        var message = RefuseAsThrottled(context, retryAfter);
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            await TypedResults.Problem(title: "Too many attempts", detail: message, statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(context);
            return;
        }

        var encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            $"""
             <!DOCTYPE html>
             <html lang="{encoder.Encode(CultureInfo.CurrentUICulture.Name)}"><head><meta charset="utf-8"><title>{encoder.Encode(message)}</title></head>
             <body><p role="alert">{encoder.Encode(message)}</p><p><a href="/account/login">{encoder.Encode(CoreText.Get("Login.Throttled.Back"))}</a></p></body></html>
             """,
            context.RequestAborted);
    }

    private static bool ChecksAPassword(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (request.Path.Equals("/account/login", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/account/change-password", StringComparison.OrdinalIgnoreCase)
            || request.Path.Equals("/api/v1/auth/token", StringComparison.OrdinalIgnoreCase)
            || (request.Path.StartsWithSegments("/api/v1/accounts") && request.Path.Value!.EndsWith("/reset-password", StringComparison.OrdinalIgnoreCase)));

    private static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var throttle = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SignInThrottleOptions>>().Value;
        var client = ClientAddress(context);
        if (context.RequestServices.GetRequiredService<SignInAttempts>().ShouldAudit($"client:{client}", throttle.PerClientWindow))
        {
            var channel = context.Request.Path.StartsWithSegments("/api/v1/auth") ? "token" : context.Request.Path.StartsWithSegments("/account/login") ? "web" : "password";
            await context.RequestServices.GetRequiredService<RecordSignIn.Handler>()
                .HandleAsync(new RecordSignIn.Command("", null, AuditAction.SignInThrottled, channel, client), cancellationToken);
        }

        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : throttle.PerClientWindow;
        await WriteTooManyRequestsAsync(context, retryAfter);
    }
}
