namespace DualPrevention.Web.Hosting;

/// <summary>
/// Adds the response headers every page carries: a Content-Security-Policy (self-hosted scripts only; inline
/// styles allowed because MudBlazor sets them; websockets for the Blazor circuit), nosniff, no framing, and a
/// strict referrer policy. The Hangfire dashboard and the development API browser run inline scripts and get
/// only the framing and nosniff headers.
/// </summary>
internal sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(self), geolocation=(self), microphone=()";
            var path = context.Request.Path;
            if (!path.StartsWithSegments("/jobs") && !path.StartsWithSegments("/scalar"))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
