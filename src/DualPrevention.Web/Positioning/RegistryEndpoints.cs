using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Positioning;
using DualPrevention.Web.Hosting;

namespace DualPrevention.Web.Positioning;

/// <summary>
/// The positioning registry under <c>/api/v1/positioning</c>: tags, persons with certificates, tag bindings and device
/// credentials (ADR 0036), and the ingest status (ADR 0039). The registry holds personal data, so the enterprise's administrator and safety officers
/// read and keep it (docs/domain/positioning.md#45-retention-and-privacy); another role's call is refused with 400,
/// another tenant's id answers 404, a malformed field 400 naming it. Every change is audited.
/// </summary>
internal static class RegistryEndpoints
{
    /// <summary>Where a device posts batches of fixes with its credential (HTTP basic), the MQTT topic's twin.</summary>
    public const string FixBatchPath = "/api/v1/positioning/fixes";

    public static RouteGroupBuilder MapRegistryEndpoints(this RouteGroupBuilder api)
    {
        var positioning = api.MapGroup("/positioning").WithTags("Positioning registry");

        positioning.MapGet("/tags", (ClaimsPrincipal user, string? search, TagKind? kind, bool? free, RegistrySort? sort, bool? descending, int? page, int? pageSize, ListPositioningTags.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new ListPositioningTags.Query(search, kind, free, sort ?? RegistrySort.Name, descending ?? false, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListPositioningTags")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        positioning.MapPost("/tags", async (ClaimsPrincipal user, RegisterPositioningTag.Command body, RegisterPositioningTag.Handler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(Actor.From(user), body, ct);
            return TypedResults.Created($"/api/v1/positioning/tags?search={Uri.EscapeDataString(body.Serial.Trim())}", new CreatedId(id));
        }).WithName("RegisterPositioningTag")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        positioning.MapGet("/persons", (ClaimsPrincipal user, string? search, PersonTypes? type, RegistrySort? sort, bool? descending, int? page, int? pageSize, ListPersons.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new ListPersons.Query(search, type, sort ?? RegistrySort.Name, descending ?? false, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListPersons")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        positioning.MapGet("/persons/{id:guid}", async (ClaimsPrincipal user, Guid id, GetPerson.Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.From(user), id, ct)))
            .WithName("GetPerson")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        positioning.MapPost("/persons", async (ClaimsPrincipal user, RegisterPerson.Command body, RegisterPerson.Handler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(Actor.From(user), body, ct);
            return TypedResults.Created($"/api/v1/positioning/persons/{id}", new CreatedId(id));
        }).WithName("RegisterPerson")
            .ProducesValidationProblem();

        // Who holds which tag now unless held=false asks for the returned ones.
        positioning.MapGet("/bindings", (ClaimsPrincipal user, string? search, bool? held, RegistrySort? sort, bool? descending, int? page, int? pageSize, ListTagBindings.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new ListTagBindings.Query(search, held ?? true, sort ?? RegistrySort.CreatedAt, descending ?? true, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListTagBindings")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        positioning.MapPost("/bindings", async (ClaimsPrincipal user, BindTag.Command body, BindTag.Handler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(Actor.From(user), body, ct);
            return TypedResults.Created($"/api/v1/positioning/persons/{body.PersonId}", new CreatedId(id));
        }).WithName("BindTag")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        positioning.MapPost("/bindings/{id:guid}/return", async (ClaimsPrincipal user, Guid id, ReturnTag.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new ReturnTag.Command(id), ct);
            return TypedResults.NoContent();
        }).WithName("ReturnTag")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        positioning.MapGet("/device-credentials", (ClaimsPrincipal user, string? search, bool? revoked, RegistrySort? sort, bool? descending, int? page, int? pageSize, ListDeviceCredentials.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new ListDeviceCredentials.Query(search, revoked, sort ?? RegistrySort.CreatedAt, descending ?? true, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListDeviceCredentials")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        positioning.MapPost("/device-credentials", async (ClaimsPrincipal user, IssueDeviceCredential.Command body, IssueDeviceCredential.Handler handler, CancellationToken ct) =>
        {
            var actor = Actor.From(user);
            var issued = await handler.HandleAsync(actor, body, ct);
            return TypedResults.Created("/api/v1/positioning/device-credentials", IssuedCredential.From(issued, actor.Scope.EnterpriseId!.Value));
        }).WithName("IssueDeviceCredential")
            .ProducesValidationProblem();
        positioning.MapPost("/device-credentials/{id:guid}/revoke", async (ClaimsPrincipal user, Guid id, RevokeDeviceCredential.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new RevokeDeviceCredential.Command(id), ct);
            return TypedResults.NoContent();
        }).WithName("RevokeDeviceCredential")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // What ingest did, per day and reason, and the tags last heard from (ADR 0039); a regulator gets the counts only.
        positioning.MapGet("/ingest-status", (ClaimsPrincipal user, int? days, int? silentMinutes, int? page, int? pageSize, GetIngestStatus.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new GetIngestStatus.Query(days ?? 7, silentMinutes ?? 30, page ?? 1, pageSize ?? 20), ct))
            .WithName("GetPositioningIngestStatus")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }
}
