using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// The body of <c>/health/ready</c>: the overall status and each dependency's, so an operator (or a load balancer's
/// log) sees which one failed — <c>{"status":"Unhealthy","checks":{"postgresql":{"status":"Unhealthy",
/// "description":"…","durationMs":2}, "hangfire-storage":{…}}}</c>. No connection strings, no stack traces.
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
                    description = entry.Value.Description ?? entry.Value.Exception?.Message,
                    durationMs = (long)entry.Value.Duration.TotalMilliseconds,
                }),
        }, JsonSerializerOptions.Web);
    }
}
