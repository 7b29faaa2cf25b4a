using System.Security.Claims;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Permits;
using DualPrevention.Web.Hosting;

namespace DualPrevention.Web.Permits;

/// <summary>
/// Special-operation permits under <c>/api/v1/permits</c> (docs/domain/special-operations.md, ADR 0045): the list and one
/// permit with its timeline in the caller's scope, and every step of the process for the enterprise's own accounts, so a
/// field app or a contractor's system can run it. A malformed field answers 400 naming it, a step the permit's state or
/// a rule refuses 409 with every reason, another tenant's permit 404.
/// </summary>
internal static class WorkPermitEndpoints
{
    public static RouteGroupBuilder MapWorkPermitEndpoints(this RouteGroupBuilder api)
    {
        var permits = api.MapGroup("/permits").WithTags("Permits");
        permits.MapGet("/", (SpecialOperationType? type, WorkPermitStatus? status, string? search, ListWorkPermits.Sort? sort, int? page, int? pageSize,
                ListWorkPermits.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(new ListWorkPermits.Query(type, status, search, sort ?? ListWorkPermits.Sort.AppliedNewestFirst, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListWorkPermits")
            .ProducesValidationProblem();
        permits.MapGet("/board", async (ClaimsPrincipal user, DateOnly? day, GetPermitBoard.Handler handler, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.From(user).Scope.EnterpriseId ?? Guid.Empty, day ?? BusinessTime.LocalDate(clock.GetUtcNow()), ct)))
            .WithName("GetPermitBoard")
            .WithSummary("The conflict board: the caller's enterprise's permits of one Beijing day (default today) with work points, fences and the exclusion rules between the open ones")
            .ProducesValidationProblem();
        permits.MapGet("/supervision", (ClaimsPrincipal user, DateOnly? from, DateOnly? to, string? region, int? page, int? pageSize, GetPermitSupervision.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new GetPermitSupervision.Query(from, to, region, page ?? 1, pageSize ?? 20), ct))
            .WithName("GetPermitSupervision")
            .WithSummary("Regulators: the region's permits of a period (default this year) per enterprise and type, by type, grade and state; in progress now, special hot work today, overdue acceptances and violations")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        permits.MapGet("/supervision/permits", (ClaimsPrincipal user, ListSupervisedPermits.Figure? figure, DateOnly? from, DateOnly? to, string? region, Guid? enterpriseId,
                SpecialOperationType? type, WorkPermitStatus? status, ListSupervisedPermits.Sort? sort, int? page, int? pageSize, ListSupervisedPermits.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(
                    Actor.From(user),
                    new ListSupervisedPermits.Query(figure ?? ListSupervisedPermits.Figure.Period, from, to, region, enterpriseId, type, status, sort ?? ListSupervisedPermits.Sort.AppliedNewestFirst, page ?? 1, pageSize ?? 20),
                    ct))
            .WithName("ListSupervisedPermits")
            .WithSummary("Regulators: the permits behind one figure of the supervision view, one page at a time with their enterprises")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        permits.MapGet("/signers", (ClaimsPrincipal user, int? page, int? pageSize, ListPermitSigners.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new ListPermitSigners.Query(page ?? 1, pageSize ?? 20), ct))
            .WithName("ListPermitSigners")
            .WithSummary("Signing authority: the enterprise's accounts with the approval functions each may sign as and the registry person it is (the work leader's steps)")
            .RequireAuthorization(policy => policy.RequireRole(Roles.EnterpriseAdmin, Roles.SafetyOfficer))
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        permits.MapPut("/signers/{userId:guid}", async (ClaimsPrincipal user, Guid userId, PermitSignerBody body, SetPermitSigner.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new SetPermitSigner.Command(userId, body.Functions ?? [], body.PersonId), ct);
                return TypedResults.NoContent();
            })
            .WithName("SetPermitSigner")
            .WithSummary("Set the functions an account of the enterprise signs as, and the registry person it is; audited")
            .RequireAuthorization(policy => policy.RequireRole(Roles.EnterpriseAdmin, Roles.SafetyOfficer))
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .Steps();
        permits.MapGet("/{id:guid}", async (Guid id, GetWorkPermit.Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("GetWorkPermit")
            .WithSummary("One permit with its people, measures, approvals, gas tests, interruptions, timeline and the actions its state allows")
            .ProducesProblem(StatusCodes.Status404NotFound);
        permits.MapPost("/", async (ClaimsPrincipal user, PermitApplyBody body, ApplyForWorkPermit.Handler handler, CancellationToken ct) =>
            {
                var (id, number) = await handler.HandleAsync(Actor.From(user), new ApplyForWorkPermit.Command(body.Content, body.LinkedPermitIds), ct);
                return TypedResults.Created($"/api/v1/permits/{id}", new NumberedPermit(id, number));
            })
            .WithName("ApplyForWorkPermit")
            .WithSummary("Apply for a permit: a numbered draft with its type's checklist")
            .WithDescription("content.details carries the type as its first property, kind: HotWork, ConfinedSpace, BlindPlate, WorkAtHeight, Lifting, TemporaryElectricity, Excavation or RoadBreak, with that type's fields. People are persons of the enterprise's positioning registry, certificates theirs.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        permits.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid id, WorkPermitContent body, EditWorkPermitDraft.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new EditWorkPermitDraft.Command(id, body), ct);
                return TypedResults.NoContent();
            })
            .WithName("EditWorkPermitDraft")
            .Steps();
        Step<SubmitWorkPermit.Handler>(permits, "submit", "SubmitWorkPermit", (actor, id, h, ct) => h.HandleAsync(actor, new(id), ct));
        Step<SendWorkPermitForApproval.Handler>(permits, "send-for-approval", "SendWorkPermitForApproval", (actor, id, h, ct) => h.HandleAsync(actor, new(id), ct));
        Step<CheckWorkPermitByShiftLeader.Handler>(permits, "shift-leader-check", "CheckWorkPermitByShiftLeader", (actor, id, h, ct) => h.HandleAsync(actor, new(id), ct));
        Step<FinishWork.Handler>(permits, "finish", "FinishWork", (actor, id, h, ct) => h.HandleAsync(actor, new(id), ct));
        permits.MapPost("/{id:guid}/measures/{measureId:guid}/confirm", async (ClaimsPrincipal user, Guid id, Guid measureId, PermitConfirmBody body, ConfirmPermitMeasure.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new ConfirmPermitMeasure.Command(id, measureId, body.Applicable, body.PersonId), ct);
                return TypedResults.NoContent();
            })
            .WithName("ConfirmPermitMeasure")
            .Steps();
        permits.MapPost("/{id:guid}/briefing", async (ClaimsPrincipal user, Guid id, PermitBriefingBody body, RecordSafetyBriefing.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new RecordSafetyBriefing.Command(id, body.BriefedByPersonId, body.BriefedPersonIds ?? [], body.Content ?? ""), ct);
                return TypedResults.NoContent();
            })
            .WithName("RecordSafetyBriefing")
            .Steps();
        permits.MapPost("/{id:guid}/gas-tests", async (ClaimsPrincipal user, Guid id, GasTestEntry body, RecordGasTest.Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.From(user), new RecordGasTest.Command(id, body), ct)))
            .WithName("RecordGasTest")
            .WithSummary("Record a gas test; the answer gives its verdict, and a failing one during the work suspends it (GA-CS-4)")
            .Steps();
        permits.MapPost("/{id:guid}/sign", async (ClaimsPrincipal user, Guid id, PermitSignBody body, SignWorkPermit.Handler handler, CancellationToken ct) =>
                TypedResults.Ok(new PermitStatusBody(await handler.HandleAsync(Actor.From(user), new SignWorkPermit.Command(id, body.Opinion), ct))))
            .WithName("SignWorkPermit")
            .WithSummary("Sign the next approval step: the work leader's by the work leader, any other by an account holding its function that signed no earlier step; the last signature issues the permit")
            .Steps();
        permits.MapPost("/{id:guid}/reject", async (ClaimsPrincipal user, Guid id, PermitReasonBody body, RejectWorkPermit.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new RejectWorkPermit.Command(id, body.Reason ?? ""), ct);
                return TypedResults.NoContent();
            })
            .WithName("RejectWorkPermit")
            .Steps();
        permits.MapPost("/{id:guid}/start", async (ClaimsPrincipal user, Guid id, PermitWeatherBody? body, StartWork.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new StartWork.Command(id, body?.Weather), ct);
                return TypedResults.NoContent();
            })
            .WithName("StartWork")
            .Steps();
        permits.MapPost("/{id:guid}/suspend", async (ClaimsPrincipal user, Guid id, PermitReasonBody body, SuspendWork.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new SuspendWork.Command(id, body.Reason ?? ""), ct);
                return TypedResults.NoContent();
            })
            .WithName("SuspendWork")
            .Steps();
        permits.MapPost("/{id:guid}/resume", async (ClaimsPrincipal user, Guid id, PermitResumeBody body, ResumeWork.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new ResumeWork.Command(id, body.Reconfirmed, body.Weather), ct);
                return TypedResults.NoContent();
            })
            .WithName("ResumeWork")
            .Steps();
        permits.MapPost("/{id:guid}/accept", async (ClaimsPrincipal user, Guid id, PermitAcceptBody body, AcceptWork.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new AcceptWork.Command(id, body.SiteRestored, body.Notes), ct);
                return TypedResults.NoContent();
            })
            .WithName("AcceptWork")
            .Steps();
        permits.MapPost("/{id:guid}/cancel", async (ClaimsPrincipal user, Guid id, PermitReasonBody body, CancelWorkPermit.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new CancelWorkPermit.Command(id, body.Reason ?? ""), ct);
                return TypedResults.NoContent();
            })
            .WithName("CancelWorkPermit")
            .Steps();
        permits.MapPost("/{id:guid}/revoke", async (ClaimsPrincipal user, Guid id, PermitReasonBody body, RevokeWorkPermit.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new RevokeWorkPermit.Command(id, body.Reason ?? ""), ct);
                return TypedResults.NoContent();
            })
            .WithName("RevokeWorkPermit")
            .Steps();
        permits.MapPost("/{id:guid}/void", async (ClaimsPrincipal user, Guid id, PermitVoidBody body, VoidAndReissueWorkPermit.Handler handler, CancellationToken ct) =>
            {
                var (newId, number) = await handler.HandleAsync(Actor.From(user), new VoidAndReissueWorkPermit.Command(id, body.Reason ?? "", body.Content), ct);
                return TypedResults.Created($"/api/v1/permits/{newId}", new NumberedPermit(newId, number));
            })
            .WithName("VoidAndReissueWorkPermit")
            .WithSummary("Void a signed permit with the reason and issue the corrected one as a new draft linked to it (GB 30871-2022 §4.18)")
            .Steps();
        permits.MapGet("/{id:guid}/simultaneous-operations", async (Guid id, CheckSimultaneousOperations.Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("CheckSimultaneousOperations")
            .WithSummary("The exclusion rules between the permit and the enterprise's issued permits of overlapping times: conflicts, and distance checks to confirm by hand")
            .ProducesProblem(StatusCodes.Status404NotFound);
        permits.MapPost("/{id:guid}/simultaneous-operations/confirm", async (ClaimsPrincipal user, Guid id, PermitSimultaneousConfirmBody body, ConfirmSimultaneousOperation.Handler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.From(user), new ConfirmSimultaneousOperation.Command(id, body.Rule, body.OtherPermitId, body.PersonId), ct);
                return TypedResults.NoContent();
            })
            .WithName("ConfirmSimultaneousOperation")
            .WithSummary("A named person confirms by hand a distance rule that cannot be measured (a work point missing or on another plan)")
            .Steps();
        permits.MapGet("/{id:guid}/spot-checks", async (Guid id, ListPermitSpotChecks.Handler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(id, ct)))
            .WithName("ListPermitSpotChecks")
            .WithSummary("The findings the bureau's online spot checks recorded on the permit, each a hidden danger of the enterprise")
            .ProducesProblem(StatusCodes.Status404NotFound);
        permits.MapPost("/{id:guid}/spot-checks", async (ClaimsPrincipal user, Guid id, PermitSpotCheckBody body, SpotCheckWorkPermit.Handler handler, CancellationToken ct) =>
            {
                var hiddenDanger = await handler.HandleAsync(Actor.From(user), new SpotCheckWorkPermit.Command(id, body.Finding ?? "", body.Level, body.MajorReason), ct);
                return TypedResults.Created($"/api/v1/hidden-dangers/{hiddenDanger}", new CreatedId(hiddenDanger));
            })
            .WithName("SpotCheckWorkPermit")
            .WithSummary("Online spot check: the city bureau records a finding on a permit in progress of its city; it becomes a hidden danger the enterprise is told of")
            .Steps();
        return api;
    }

    /// <summary>400 for a malformed field, 404 outside the caller's scope, 409 when the permit's state or a rule refuses.</summary>
    private static RouteHandlerBuilder Steps(this RouteHandlerBuilder endpoint) =>
        endpoint.ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static void Step<THandler>(RouteGroupBuilder permits, string path, string name, Func<Actor, Guid, THandler, CancellationToken, Task> act)
        where THandler : notnull =>
        permits.MapPost($"/{{id:guid}}/{path}", async (ClaimsPrincipal user, Guid id, [Microsoft.AspNetCore.Mvc.FromServices] THandler handler, CancellationToken ct) =>
            {
                await act(Actor.From(user), id, handler, ct);
                return TypedResults.NoContent();
            })
            .WithName(name)
            .Steps();

    public sealed record PermitApplyBody(WorkPermitContent Content, IReadOnlyList<Guid>? LinkedPermitIds);

    public sealed record NumberedPermit(Guid Id, string Number);

    public sealed record PermitConfirmBody(bool Applicable, Guid PersonId);

    public sealed record PermitBriefingBody(Guid BriefedByPersonId, IReadOnlyList<Guid>? BriefedPersonIds, string? Content);

    public sealed record PermitSignBody(string? Opinion);

    public sealed record PermitSignerBody(IReadOnlyList<PermitOrgRole>? Functions, Guid? PersonId);

    public sealed record PermitStatusBody(WorkPermitStatus Status);

    public sealed record PermitReasonBody(string? Reason);

    public sealed record PermitWeatherBody(WeatherConditions? Weather);

    public sealed record PermitResumeBody(bool Reconfirmed, WeatherConditions? Weather);

    public sealed record PermitAcceptBody(bool SiteRestored, string? Notes);

    public sealed record PermitSimultaneousConfirmBody(SimultaneousRule Rule, Guid OtherPermitId, Guid PersonId);

    public sealed record PermitVoidBody(string? Reason, WorkPermitContent Content);

    public sealed record PermitSpotCheckBody(string? Finding, DualPrevention.Core.HiddenDangers.HiddenDangerLevel Level, string? MajorReason);
}
