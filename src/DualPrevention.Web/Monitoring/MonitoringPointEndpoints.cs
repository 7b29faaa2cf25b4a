using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Monitoring;

namespace DualPrevention.Web.Monitoring;

/// <summary>
/// A major hazard source's monitoring points under <c>/api/v1/major-hazards/{id}/monitoring-points</c> (ADR 0050): the
/// list with live values, add, change and remove for the enterprise's editors, and a point's kept readings for its trend.
/// A malformed field or limits out of order answer 400 naming the field, a code the enterprise already uses 409,
/// another tenant's source or point 404.
/// </summary>
internal static class MonitoringPointEndpoints
{
    public static RouteGroupBuilder MapMonitoringPointEndpoints(this RouteGroupBuilder api)
    {
        var points = api.MapGroup("/major-hazards/{id:guid}/monitoring-points").WithTags("Monitoring");
        points.MapGet("/", async (Guid id, ListMonitoringPoints.Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("ListMonitoringPoints")
            .WithSummary("The source's monitoring points by code with their limits, latest value, band and whether they are silent")
            .ProducesProblem(StatusCodes.Status404NotFound);
        points.MapPost("/", async (ClaimsPrincipal user, Guid id, MonitoringPointDetails body, SaveMonitoringPoint.Handler handler, CancellationToken ct) =>
            {
                var pointId = await handler.HandleAsync(Actor.From(user), new SaveMonitoringPoint.Command(id, null, body), ct);
                return TypedResults.Created($"/api/v1/major-hazards/{id}/monitoring-points/{pointId}", new CreatedPoint(pointId));
            })
            .WithName("AddMonitoringPoint")
            .WithSummary("Add a monitoring point: code (unique in the enterprise), kind, unit, range, limits LL < L < H < HH, debounce and interval in seconds")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        points.MapPut("/{pointId:guid}", async (ClaimsPrincipal user, Guid id, Guid pointId, MonitoringPointDetails body, SaveMonitoringPoint.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new SaveMonitoringPoint.Command(id, pointId, body), ct);
                return TypedResults.NoContent();
            })
            .WithName("ChangeMonitoringPoint")
            .WithSummary("Change a monitoring point; new limits apply from the next reading")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        points.MapDelete("/{pointId:guid}", async (ClaimsPrincipal user, Guid id, Guid pointId, DeleteMonitoringPoint.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), id, pointId, ct);
                return TypedResults.NoContent();
            })
            .WithName("RemoveMonitoringPoint")
            .WithSummary("Remove a monitoring point; its kept readings and its alarms stay")
            .ProducesProblem(StatusCodes.Status404NotFound);
        points.MapGet("/{pointId:guid}/readings", async (Guid pointId, int? hours, GetPointTrend.Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(pointId, hours ?? 24, ct)))
            .WithName("GetMonitoringPointTrend")
            .WithSummary("A point's kept (thinned) readings of the last hours (default 24, at most 168), oldest first")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    public sealed record CreatedPoint(Guid Id);
}
