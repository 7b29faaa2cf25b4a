using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using Microsoft.AspNetCore.Authorization;

namespace DualPrevention.Web.Risks;

/// <summary>
/// The risk register under <c>/api/v1/risk-register</c>. Everyone reads within their tenant scope (a foreign id
/// answers 404); only the enterprise's administrator and safety officers write (others get 403).
/// </summary>
internal static class RiskRegisterEndpoints
{
    private static readonly AuthorizationPolicy Editors = new AuthorizationPolicyBuilder().RequireRole(Roles.EnterpriseAdmin, Roles.SafetyOfficer).Build();

    private static readonly AuthorizationPolicy BandTableIssuers = new AuthorizationPolicyBuilder().RequireRole(Roles.Admin, Roles.ProvinceStaff).Build();

    public static RouteGroupBuilder MapRiskRegisterEndpoints(this RouteGroupBuilder api)
    {
        var register = api.MapGroup("/risk-register").WithTags("Risk register");
        register.MapGet("/tree", (ListRiskRegister.Handler handler, Guid? enterpriseId, RiskLevel? level, Guid? objectId, string? department,
                MeasureClassify1? classify1, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListRiskRegister.Query(enterpriseId, level, objectId, department, classify1, search, page ?? 1, pageSize ?? 50), ct));
        register.MapGet("/filter-options", (GetRiskRegisterFilterOptions.Handler handler, Guid? enterpriseId, CancellationToken ct) => handler.HandleAsync(enterpriseId, ct));
        MapObjects(register.MapGroup("/objects"));
        MapUnits(register.MapGroup("/units"));
        MapEvents(register.MapGroup("/events"));
        MapMeasures(register.MapGroup("/measures"));
        MapMajorHazardSources(register.MapGroup("/major-hazard-sources"));
        MapBandTables(register.MapGroup("/band-tables"));
        return api;
    }

    private static void MapObjects(RouteGroupBuilder objects)
    {
        objects.MapGet("/", (ListRiskAnalysisObjects.Handler handler, Guid? enterpriseId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListRiskAnalysisObjects.Query(enterpriseId, search, page ?? 1, pageSize ?? 20), ct));
        objects.MapGet("/{id:guid}", (Guid id, GetRiskAnalysisObject.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct));
        objects.MapPost("/", async (ClaimsPrincipal user, RiskAnalysisObjectDetails details, CreateRiskAnalysisObject.Handler handler, CancellationToken ct) =>
            Created("objects", await handler.HandleAsync(Actor.From(user), new(details), ct))).RequireAuthorization(Editors);
        objects.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, RiskAnalysisObjectDetails details, UpdateRiskAnalysisObject.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id, details), ct);
            return Results.NoContent();
        }).RequireAuthorization(Editors);
        objects.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteRiskAnalysisObject.Handler handler, CancellationToken ct) =>
            Results.Ok(new { deleted = await handler.HandleAsync(Actor.From(user), new(id), ct) })).RequireAuthorization(Editors);
    }

    private static void MapUnits(RouteGroupBuilder units)
    {
        units.MapGet("/", (ListRiskAnalysisUnits.Handler handler, Guid? objectId, Guid? enterpriseId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListRiskAnalysisUnits.Query(objectId, enterpriseId, search, page ?? 1, pageSize ?? 20), ct));
        units.MapGet("/{id:guid}", (Guid id, GetRiskAnalysisUnit.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct));
        units.MapPost("/", async (ClaimsPrincipal user, CreateRiskAnalysisUnit.Command command, CreateRiskAnalysisUnit.Handler handler, CancellationToken ct) =>
            Created("units", await handler.HandleAsync(Actor.From(user), command, ct))).RequireAuthorization(Editors);
        units.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, RiskAnalysisUnitDetails details, UpdateRiskAnalysisUnit.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id, details), ct);
            return Results.NoContent();
        }).RequireAuthorization(Editors);
        units.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteRiskAnalysisUnit.Handler handler, CancellationToken ct) =>
            Results.Ok(new { deleted = await handler.HandleAsync(Actor.From(user), new(id), ct) })).RequireAuthorization(Editors);
    }

    private static void MapEvents(RouteGroupBuilder events)
    {
        events.MapGet("/", (ListRiskEvents.Handler handler, Guid? unitId, Guid? enterpriseId, RiskLevel? level, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListRiskEvents.Query(unitId, enterpriseId, level, search, page ?? 1, pageSize ?? 20), ct));
        events.MapGet("/{id:guid}", (Guid id, GetRiskEvent.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct));
        events.MapGet("/{id:guid}/assessments", (Guid id, GetRiskEventAssessments.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct));
        events.MapPost("/", async (ClaimsPrincipal user, CreateRiskEvent.Command command, CreateRiskEvent.Handler handler, CancellationToken ct) =>
            Created("events", await handler.HandleAsync(Actor.From(user), command, ct))).RequireAuthorization(Editors);
        events.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, RiskEventDetails details, UpdateRiskEvent.Handler handler, CancellationToken ct) =>
            Results.Ok(new { reassessed = await handler.HandleAsync(Actor.From(user), new(id, details), ct) })).RequireAuthorization(Editors);
        events.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteRiskEvent.Handler handler, CancellationToken ct) =>
            Results.Ok(new { deleted = await handler.HandleAsync(Actor.From(user), new(id), ct) })).RequireAuthorization(Editors);
    }

    private static void MapMeasures(RouteGroupBuilder measures)
    {
        measures.MapGet("/", (ListControlMeasures.Handler handler, Guid? eventId, Guid? enterpriseId, MeasureClassify1? classify1, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListControlMeasures.Query(eventId, enterpriseId, classify1, search, page ?? 1, pageSize ?? 20), ct));
        measures.MapGet("/{id:guid}", (Guid id, GetControlMeasure.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct));
        measures.MapPost("/", async (ClaimsPrincipal user, CreateControlMeasure.Command command, CreateControlMeasure.Handler handler, CancellationToken ct) =>
            Created("measures", await handler.HandleAsync(Actor.From(user), command, ct))).RequireAuthorization(Editors);
        measures.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, ControlMeasureDetails details, UpdateControlMeasure.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id, details), ct);
            return Results.NoContent();
        }).RequireAuthorization(Editors);
        measures.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteControlMeasure.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id), ct);
            return Results.NoContent();
        }).RequireAuthorization(Editors);
    }

    private static void MapMajorHazardSources(RouteGroupBuilder sources)
    {
        sources.MapGet("/", (ListMajorHazardSources.Handler handler, Guid? enterpriseId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListMajorHazardSources.Query(enterpriseId, search, page ?? 1, pageSize ?? 20), ct));
        sources.MapGet("/{id:guid}", (Guid id, GetMajorHazardSource.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct));
        sources.MapGet("/responsible-persons", (ListResponsiblePersons.Handler handler, CancellationToken ct) => handler.HandleAsync(ct));
        sources.MapPost("/", async (ClaimsPrincipal user, MajorHazardSourceDetails details, CreateMajorHazardSource.Handler handler, CancellationToken ct) =>
            Created("major-hazard-sources", await handler.HandleAsync(Actor.From(user), new(details), ct))).RequireAuthorization(Editors);
        sources.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, MajorHazardSourceDetails details, UpdateMajorHazardSource.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id, details), ct);
            return Results.NoContent();
        }).RequireAuthorization(Editors);
        sources.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteMajorHazardSource.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id), ct);
            return Results.NoContent();
        }).RequireAuthorization(Editors);
    }

    private static void MapBandTables(RouteGroupBuilder tables)
    {
        tables.MapGet("/", (ListRiskBandTables.Handler handler, string? region, CancellationToken ct) => handler.HandleAsync(region, ct));
        tables.MapGet("/in-force", (GetBandTablesInForce.Handler handler, CancellationToken ct) => handler.HandleAsync(ct));
        tables.MapPost("/", async (ClaimsPrincipal user, CreateRiskBandTableVersion.Command command, CreateRiskBandTableVersion.Handler handler, CancellationToken ct) =>
            Created("band-tables", await handler.HandleAsync(Actor.From(user), command, ct))).RequireAuthorization(BandTableIssuers);
    }

    private static IResult Created(string collection, Guid id) => Results.Created($"/api/v1/risk-register/{collection}/{id}", new { id });
}
