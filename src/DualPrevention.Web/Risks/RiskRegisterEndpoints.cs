using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Grading;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DualPrevention.Web.Risks;

/// <summary>
/// The risk register under <c>/api/v1/risk-register</c>. Everyone reads within their tenant scope (a foreign id
/// answers 404); only the enterprise's administrator and safety officers write (others get 403).
/// </summary>
internal static class RiskRegisterEndpoints
{
    private static readonly AuthorizationPolicy Editors = new AuthorizationPolicyBuilder().RequireRole(Roles.EnterpriseAdmin, Roles.SafetyOfficer).Build();

    private static readonly AuthorizationPolicy BandTableIssuers = new AuthorizationPolicyBuilder().RequireRole(Roles.Admin, Roles.ProvinceStaff).Build();

    private static readonly AuthorizationPolicy Regulators = new AuthorizationPolicyBuilder().RequireRole(Roles.Admin, Roles.ProvinceStaff, Roles.CityReviewer).Build();

    /// <summary>Answer of a deletion: how many register rows were marked deleted, the named one and those below it.</summary>
    public sealed record Deletion(int Deleted);

    /// <summary>Answer of a risk event's change: whether it recorded a new assessment.</summary>
    public sealed record Reassessment(bool Reassessed);

    public static RouteGroupBuilder MapRiskRegisterEndpoints(this RouteGroupBuilder api)
    {
        var register = api.MapGroup("/risk-register").WithTags("Risk register");
        register.MapGet("/tree", (ListRiskRegister.Handler handler, Guid? enterpriseId, RiskLevel? level, Guid? objectId, string? department,
                MeasureClassify1? classify1, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListRiskRegister.Query(enterpriseId, level, objectId, department, classify1, search, page ?? 1, pageSize ?? 50), ct))
            .AsList("ListRiskRegister")
            .ProducesProblem(StatusCodes.Status404NotFound);
        register.MapGet("/filter-options", (GetRiskRegisterFilterOptions.Handler handler, Guid? enterpriseId, CancellationToken ct) => handler.HandleAsync(enterpriseId, ct))
            .AsList("GetRiskRegisterFilterOptions")
            .ProducesProblem(StatusCodes.Status404NotFound);
        MapObjects(register.MapGroup("/objects"));
        MapUnits(register.MapGroup("/units"));
        MapEvents(register.MapGroup("/events"));
        MapMeasures(register.MapGroup("/measures"));
        MapMajorHazardSources(register.MapGroup("/major-hazard-sources"));
        MapBandTables(register.MapGroup("/band-tables"));
        MapDirectJudgementRules(register.MapGroup("/direct-judgement-rules"));
        return api;
    }

    private static void MapObjects(RouteGroupBuilder objects)
    {
        objects.MapGet("/", (ListRiskAnalysisObjects.Handler handler, Guid? enterpriseId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListRiskAnalysisObjects.Query(enterpriseId, search, page ?? 1, pageSize ?? 20), ct)).AsList("ListRiskAnalysisObjects");
        objects.MapGet("/{id:guid}", (Guid id, GetRiskAnalysisObject.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct)).AsRead("GetRiskAnalysisObject");
        objects.MapPost("/", async (ClaimsPrincipal user, RiskAnalysisObjectDetails details, CreateRiskAnalysisObject.Handler handler, CancellationToken ct) =>
            Created("objects", await handler.HandleAsync(Actor.From(user), new(details), ct))).AsCreation("CreateRiskAnalysisObject", Editors);
        objects.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, RiskAnalysisObjectDetails details, UpdateRiskAnalysisObject.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id, details), ct);
            return TypedResults.NoContent();
        }).AsChange("UpdateRiskAnalysisObject");
        objects.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteRiskAnalysisObject.Handler handler, CancellationToken ct) =>
            TypedResults.Ok(new Deletion(await handler.HandleAsync(Actor.From(user), new(id), ct)))).AsDeletion("DeleteRiskAnalysisObject");
    }

    private static void MapUnits(RouteGroupBuilder units)
    {
        units.MapGet("/", (ListRiskAnalysisUnits.Handler handler, Guid? objectId, Guid? enterpriseId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListRiskAnalysisUnits.Query(objectId, enterpriseId, search, page ?? 1, pageSize ?? 20), ct)).AsList("ListRiskAnalysisUnits");
        units.MapGet("/{id:guid}", (Guid id, GetRiskAnalysisUnit.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct)).AsRead("GetRiskAnalysisUnit");
        units.MapPost("/", async (ClaimsPrincipal user, CreateRiskAnalysisUnit.Command command, CreateRiskAnalysisUnit.Handler handler, CancellationToken ct) =>
            Created("units", await handler.HandleAsync(Actor.From(user), command, ct))).AsChange("CreateRiskAnalysisUnit");
        units.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, RiskAnalysisUnitDetails details, UpdateRiskAnalysisUnit.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id, details), ct);
            return TypedResults.NoContent();
        }).AsChange("UpdateRiskAnalysisUnit");
        units.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteRiskAnalysisUnit.Handler handler, CancellationToken ct) =>
            TypedResults.Ok(new Deletion(await handler.HandleAsync(Actor.From(user), new(id), ct)))).AsDeletion("DeleteRiskAnalysisUnit");
    }

    private static void MapEvents(RouteGroupBuilder events)
    {
        events.MapGet("/", (ListRiskEvents.Handler handler, Guid? unitId, Guid? enterpriseId, RiskLevel? level, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListRiskEvents.Query(unitId, enterpriseId, level, search, page ?? 1, pageSize ?? 20), ct)).AsList("ListRiskEvents");
        events.MapGet("/{id:guid}", (Guid id, GetRiskEvent.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct)).AsRead("GetRiskEvent");
        events.MapGet("/{id:guid}/assessments", (Guid id, GetRiskEventAssessments.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct)).AsRead("GetRiskEventAssessments");
        events.MapPost("/", async (ClaimsPrincipal user, CreateRiskEvent.Command command, CreateRiskEvent.Handler handler, CancellationToken ct) =>
            Created("events", await handler.HandleAsync(Actor.From(user), command, ct))).AsChange("CreateRiskEvent");
        events.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, RiskEventDetails details, UpdateRiskEvent.Handler handler, CancellationToken ct) =>
            TypedResults.Ok(new Reassessment(await handler.HandleAsync(Actor.From(user), new(id, details), ct)))).AsChange("UpdateRiskEvent");
        events.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteRiskEvent.Handler handler, CancellationToken ct) =>
            TypedResults.Ok(new Deletion(await handler.HandleAsync(Actor.From(user), new(id), ct)))).AsDeletion("DeleteRiskEvent");
    }

    private static void MapMeasures(RouteGroupBuilder measures)
    {
        measures.MapGet("/", (ListControlMeasures.Handler handler, Guid? eventId, Guid? enterpriseId, MeasureClassify1? classify1, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListControlMeasures.Query(eventId, enterpriseId, classify1, search, page ?? 1, pageSize ?? 20), ct)).AsList("ListControlMeasures");
        measures.MapGet("/{id:guid}", (Guid id, GetControlMeasure.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct)).AsRead("GetControlMeasure");
        measures.MapPost("/", async (ClaimsPrincipal user, CreateControlMeasure.Command command, CreateControlMeasure.Handler handler, CancellationToken ct) =>
            Created("measures", await handler.HandleAsync(Actor.From(user), command, ct))).AsChange("CreateControlMeasure");
        measures.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, ControlMeasureDetails details, UpdateControlMeasure.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id, details), ct);
            return TypedResults.NoContent();
        }).AsChange("UpdateControlMeasure");
        measures.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteControlMeasure.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id), ct);
            return TypedResults.NoContent();
        }).AsDeletion("DeleteControlMeasure");
    }

    private static void MapMajorHazardSources(RouteGroupBuilder sources)
    {
        sources.MapGet("/", (ListMajorHazardSources.Handler handler, Guid? enterpriseId, string? search, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new ListMajorHazardSources.Query(enterpriseId, search, page ?? 1, pageSize ?? 20), ct)).AsList("ListMajorHazardSources");
        sources.MapGet("/{id:guid}", (Guid id, GetMajorHazardSource.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct)).AsRead("GetMajorHazardSource");
        sources.MapGet("/{id:guid}/accountability", (Guid id, GetMajorHazardAccountability.Handler handler, CancellationToken ct) => handler.HandleAsync(id, ct))
            .AsRead("GetMajorHazardAccountability");
        sources.MapGet("/responsible-persons", (ListResponsiblePersons.Handler handler, CancellationToken ct) => handler.HandleAsync(ct))
            .WithName("ListResponsiblePersons");
        sources.MapPost("/", async (ClaimsPrincipal user, MajorHazardSourceDetails details, CreateMajorHazardSource.Handler handler, CancellationToken ct) =>
            Created("major-hazard-sources", await handler.HandleAsync(Actor.From(user), new(details), ct))).AsCreation("CreateMajorHazardSource", Editors);
        sources.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, MajorHazardSourceDetails details, UpdateMajorHazardSource.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id, details), ct);
            return TypedResults.NoContent();
        }).AsChange("UpdateMajorHazardSource");
        sources.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid id, DeleteMajorHazardSource.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(id), ct);
            return TypedResults.NoContent();
        }).AsDeletion("DeleteMajorHazardSource");
    }

    private static void MapBandTables(RouteGroupBuilder tables)
    {
        tables.MapGet("/", (ListRiskBandTables.Handler handler, string? region, CancellationToken ct) => handler.HandleAsync(region, ct))
            .WithName("ListRiskBandTables");
        tables.MapGet("/in-force", (GetBandTablesInForce.Handler handler, CancellationToken ct) => handler.HandleAsync(ct))
            .WithName("GetBandTablesInForce");
        tables.MapPost("/", async (ClaimsPrincipal user, CreateRiskBandTableVersion.Command command, CreateRiskBandTableVersion.Handler handler, CancellationToken ct) =>
            Created("band-tables", await handler.HandleAsync(Actor.From(user), command, ct))).AsCreation("CreateRiskBandTableVersion", BandTableIssuers);
    }

    /// <summary>Regulators only (enterprises get 403): a city reads the province's rules and its own and issues its own (ADR 0033).</summary>
    private static void MapDirectJudgementRules(RouteGroupBuilder rules)
    {
        rules.MapGet("/", (ClaimsPrincipal user, ListDirectJudgementRules.Handler handler, CancellationToken ct) => handler.HandleAsync(Actor.From(user), ct))
            .WithName("ListDirectJudgementRules").RequireAuthorization(Regulators);
        rules.MapPost("/", async (ClaimsPrincipal user, CreateDirectJudgementRuleVersion.Command command, CreateDirectJudgementRuleVersion.Handler handler, CancellationToken ct) =>
            Created("direct-judgement-rules", await handler.HandleAsync(Actor.From(user), command, ct))).AsCreation("CreateDirectJudgementRuleVersion", Regulators);
    }

    private static Created<CreatedId> Created(string collection, Guid id) => TypedResults.Created($"/api/v1/risk-register/{collection}/{id}", new CreatedId(id));

    /// <summary>A list: 400 when a query value cannot be read.</summary>
    private static RouteHandlerBuilder AsList(this RouteHandlerBuilder endpoint, string name) =>
        endpoint.WithName(name).ProducesProblem(StatusCodes.Status400BadRequest);

    /// <summary>A read of one row: 404 when the id names nothing in the caller's scope.</summary>
    private static RouteHandlerBuilder AsRead(this RouteHandlerBuilder endpoint, string name) =>
        endpoint.WithName(name).ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>A new row of the caller's own enterprise (or region): 400 when the input or a register rule refuses it.</summary>
    private static RouteHandlerBuilder AsCreation(this RouteHandlerBuilder endpoint, string name, AuthorizationPolicy writers) =>
        endpoint.WithName(name).RequireAuthorization(writers).ProducesValidationProblem();

    /// <summary>
    /// An editor's change naming a row (in the route or as the parent of a new one): 400 when the input or a register
    /// rule refuses it, 404 when the row is not in the caller's enterprise.
    /// </summary>
    private static RouteHandlerBuilder AsChange(this RouteHandlerBuilder endpoint, string name) =>
        endpoint.WithName(name).RequireAuthorization(Editors).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>An editor's deletion: 400 when a register rule keeps the row, 404 when it is not in the caller's enterprise.</summary>
    private static RouteHandlerBuilder AsDeletion(this RouteHandlerBuilder endpoint, string name) =>
        endpoint.WithName(name).RequireAuthorization(Editors).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
}
