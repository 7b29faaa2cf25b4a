using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Positioning;
using DualPrevention.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DualPrevention.Web.Positioning;

/// <summary>
/// Site plans and their zones under <c>/api/v1/site-plans</c> (ADR 0029): zones travel as GeoJSON in the plan's metres.
/// Reads answer in the caller's tenant scope (a regulator reads its region's plans); writes are the enterprise
/// administrator's and safety officers'. Another tenant's id answers 404, a malformed field 400 naming it.
/// </summary>
internal static class SitePlanEndpoints
{
    /// <summary>A 10 MB image plus the multipart envelope.</summary>
    private const long UploadRequestLimitBytes = PhotoContent.MaxBytes + (512 * 1024);

    public static RouteGroupBuilder MapSitePlanEndpoints(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/site-plans").WithTags("Site plans");
        plans.MapGet("/", (ClaimsPrincipal user, Guid? enterpriseId, ListSitePlans.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(enterpriseId ?? Actor.From(user).Scope.EnterpriseId ?? Guid.Empty, ct))
            .WithName("ListSitePlans")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        // Multipart bodies would demand an antiforgery token; bearer callers cannot be forged cross-site and the
        // cookie is SameSite=Lax, so a foreign page's POST carries no session.
        plans.MapPost("/", UploadAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadRequestLimitBytes))
            .WithName("UploadSitePlan")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapGet("/{id:guid}", async (Guid id, GetFourColorRiskMap.Handler handler, CancellationToken ct) =>
                TypedResults.Ok(SitePlanView.From(await handler.HandleAsync(id, ct))))
            .WithName("GetSitePlan")
            .ProducesProblem(StatusCodes.Status404NotFound);
        // 实时位置: persons for the enterprise's administrator and safety officers (audited), headcounts for everyone else in scope.
        plans.MapGet("/{id:guid}/live", async (ClaimsPrincipal user, Guid id, PersonTypes? type, string? company, Guid? zoneId, GetLivePositions.Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.From(user), new GetLivePositions.Query(id, type, company, zoneId), ct)))
            .WithName("GetLivePositions")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        // 区域人数: each zone's headcount by person type against its limits, for everyone in scope (no persons, nothing audited).
        plans.MapGet("/{id:guid}/headcounts", async (ClaimsPrincipal user, Guid id, GetLivePositions.Handler handler, CancellationToken ct) =>
        {
            var live = await handler.HandleAsync(Actor.From(user), new GetLivePositions.Query(id, Audit: false), ct);
            return TypedResults.Ok(new Headcounts(live.SitePlanId, live.At, live.Present, live.Zones));
        }).WithName("GetZoneHeadcounts")
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapGet("/{id:guid}/image", async (Guid id, GetSitePlanImage.Handler handler, CancellationToken ct) =>
        {
            var image = await handler.HandleAsync(id, ct);
            return TypedResults.Stream(image.Content, image.ContentType);
        }).WithName("GetSitePlanImage")
            .ProducesFile(PhotoContent.JpegType, PhotoContent.PngType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPut("/{id:guid}/scale", async (ClaimsPrincipal user, Guid id, ScaleInput scale, SetSitePlanScale.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new SetSitePlanScale.Command(id, scale), ct);
            return TypedResults.NoContent();
        }).WithName("SetSitePlanScale")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteSitePlan.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), id, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteSitePlan")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPost("/{id:guid}/zones", async (ClaimsPrincipal user, Guid id, ZoneBody body, DrawZone.Handler handler, CancellationToken ct) =>
        {
            var zoneId = await handler.HandleAsync(Actor.From(user), new DrawZone.Command(id, body.ToDetails(), body.UnitIds ?? [], body.MajorHazardSourceIds ?? []), ct);
            return TypedResults.Created($"/api/v1/site-plans/{id}", new CreatedId(zoneId));
        }).WithName("DrawZone")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapPut("/zones/{zoneId:guid}", async (ClaimsPrincipal user, Guid zoneId, ZoneBody body, UpdateZone.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new UpdateZone.Command(zoneId, body.ToDetails(), body.UnitIds ?? [], body.MajorHazardSourceIds ?? []), ct);
            return TypedResults.NoContent();
        }).WithName("UpdateZone")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        plans.MapDelete("/zones/{zoneId:guid}", async (ClaimsPrincipal user, Guid zoneId, DeleteZone.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), zoneId, ct);
            return TypedResults.NoContent();
        }).WithName("DeleteZone")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // The zone's whitelist and the people required in it (the fence rules' lists).
        plans.MapGet("/zones/{zoneId:guid}/people", (ClaimsPrincipal user, Guid zoneId, GetZonePeople.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), zoneId, ct))
            .WithName("GetZonePeople")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        plans.MapPut("/zones/{zoneId:guid}/people", async (ClaimsPrincipal user, Guid zoneId, ZonePeopleBody body, SetZonePeople.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new SetZonePeople.Command(zoneId, body.Whitelisted ?? [], body.Required ?? []), ct);
            return TypedResults.NoContent();
        }).WithName("SetZonePeople")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>201 with the new plan's id; the form carries <c>name</c> and the image as <c>file</c>.</summary>
    private static async Task<Created<CreatedId>> UploadAsync(ClaimsPrincipal user, IFormFile file, [FromForm] string? name, UploadSitePlan.Handler handler, CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        var id = await handler.HandleAsync(Actor.From(user), new UploadSitePlan.Command(name ?? "", content, file.FileName), cancellationToken);
        return TypedResults.Created($"/api/v1/site-plans/{id}", new CreatedId(id));
    }
}

/// <summary>A zone's lists: person ids on its whitelist and of the people required in it; a missing list is empty.</summary>
public sealed record ZonePeopleBody(IReadOnlyCollection<Guid>? Whitelisted, IReadOnlyCollection<Guid>? Required);

/// <summary>A site plan's zones' headcounts now: <see cref="Present"/> tags on the plan, each zone's count by person type against its limits.</summary>
public sealed record Headcounts(Guid SitePlanId, DateTimeOffset At, int Present, IReadOnlyList<GetLivePositions.Headcount> Zones);
