using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Positioning;
using DualPrevention.Web.Hosting;

namespace DualPrevention.Web.Positioning;

/// <summary>
/// The camera registry under <c>/api/v1/cameras</c> (docs/domain/video-alarms.md#8-cameras-gbt-28181-device-ids): the
/// list in the caller's tenant scope, and adding, changing and retiring for the enterprise's administrator and safety
/// officers. A malformed field answers 400 naming it (a device id that is not GB/T 28181's, a stream URL of another
/// scheme), a device id the enterprise uses already 409, another tenant's camera or site plan 404.
/// </summary>
internal static class CameraEndpoints
{
    public static RouteGroupBuilder MapCameraEndpoints(this RouteGroupBuilder api)
    {
        var cameras = api.MapGroup("/cameras").WithTags("Cameras");
        cameras.MapGet("/", (string? search, Guid? sitePlanId, bool? active, RegistrySort? sort, bool? descending, int? page, int? pageSize, ListCameras.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(new ListCameras.Query(search, sitePlanId, active, sort ?? RegistrySort.Name, descending ?? false, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListCameras")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        cameras.MapPost("/", async (ClaimsPrincipal user, CameraDetails body, SaveCamera.Handler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(Actor.From(user), new SaveCamera.Command(null, body), ct);
            return TypedResults.Created($"/api/v1/cameras?search={Uri.EscapeDataString(body.DeviceId.Trim())}", new CreatedId(id));
        }).WithName("AddCamera")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        cameras.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, CameraDetails body, SaveCamera.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new SaveCamera.Command(id, body), ct);
            return TypedResults.NoContent();
        }).WithName("ChangeCamera")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        cameras.MapPost("/{id:guid}/retire", async (ClaimsPrincipal user, Guid id, RetireCamera.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), id, ct);
            return TypedResults.NoContent();
        }).WithName("RetireCamera")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
