using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// The body of <c>/health/ready</c>: the overall status and each dependency's, so an operator (or a load balancer's
/// log) sees which one failed — <c>{"status":"Unhealthy","checks":{"postgresql":{"status":"Unhealthy",
/// "durationMs":2}, "hangfire-storage":{…}}}</c>. The endpoint is anonymous, so the failure's text (it names the
/// database's host and port) stays in the log, where the health-check service writes it with its exception.
/// </summary>
internal static class ReadinessReport
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new
                {
                    status = entry.Value.Status.ToString(),
                    durationMs = (long)entry.Value.Duration.TotalMilliseconds,
                }),
        }, JsonSerializerOptions.Web);
    }
}
