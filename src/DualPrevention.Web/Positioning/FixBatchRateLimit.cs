using System.Globalization;
using System.Threading.RateLimiting;
using DualPrevention.Core.Localization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace DualPrevention.Web.Positioning;

/// <summary>
/// The HTTP batch endpoint's limit per device credential (<see cref="FixBatchOptions"/>; ADR 0039), partitioned by the
/// user name the request presents, before the secret is checked, so that a flood costs no hashing either. A request
/// without one shares the client address's partition. Refusals answer 429 ProblemDetails with Retry-After.
/// </summary>
internal sealed class FixBatchRateLimit(IOptions<FixBatchOptions> options) : IRateLimiterPolicy<string>
{
    public const string Name = "device-fixes";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (rejected, _) =>
    {
        var context = rejected.HttpContext;
        var window = context.RequestServices.GetRequiredService<IOptions<FixBatchOptions>>().Value.Window;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : window;
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await TypedResults.Problem(
                title: CoreText.Get("Positioning.Device.TooManyRequests.Title"),
                detail: CoreText.Get("Positioning.Device.TooManyRequests", options.Value.PermitLimit, options.Value.Window.TotalSeconds, seconds),
                statusCode: StatusCodes.Status429TooManyRequests)
            .ExecuteAsync(context);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        var key = DeviceAuthentication.Presented(httpContext.Request) is { } presented
            ? "device:" + presented.Username
            : "client:" + (httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        var settings = options.Value;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = settings.PermitLimit,
            Window = settings.Window,
            QueueLimit = 0,
        });
    }
}
