using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Photos;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// A hidden danger's detail: the ledger fields, the major case, extension requests, the timeline, its photos, and
/// the actions the actor may take now (the same rules the commands check) and, for an administrator or safety officer
/// who may not judge the rectification pending acceptance, why not. Times are UTC, dates local.
/// </summary>
public static class GetHiddenDanger
{
    public sealed record Query(Guid Id);

    public sealed record Detail(
        Guid Id,
        Guid EnterpriseId,
        string EnterpriseName,
        string Number,
        HiddenDangerState State,
        string Name,
        string Description,
        HiddenDangerLevel Level,
        InspectionSource Source,
        HiddenDangerOrigin Origin,
        string? EnforcementId,
        HiddenDangerCategory? Category,
        ManagementClass? ManagementClass,
        OccurrenceStage? OccurrenceStage,
        AccountabilityCategory AccountabilityCategory,
        RemediationType? RemediationType,
        string? Location,
        string? CauseAnalysis,
        string? RemediationMeasures,
        decimal? CostTenThousandYuan,
        Guid? RectifierUserId,
        string? RectifierName,
        DateOnly? Deadline,
        bool IsOverdue,
        string? RectificationNote,
        DateTimeOffset? RectifiedAt,
        string? AccepterName,
        DateTimeOffset? AcceptedAt,
        string? AcceptanceComment,
        int AcceptanceRejections,
        string? InvalidationReason,
        DateTimeOffset ReportedAt,
        string ReportedByName,
        DateTimeOffset? RegisteredAt,
        DateTimeOffset? ConfirmedAt,
        string? MajorCriteriaVersion,
        IReadOnlyList<int> MajorCriterionNos,
        string? MajorReason,
        DateTimeOffset? ClosedOutAt,
        string? ClosedOutByName,
        Guid? RecordId,
        CaseDetail? Case,
        IReadOnlyList<ExtensionRequest> ExtensionRequests,
        IReadOnlyList<TimelineEntry> Timeline,
        IReadOnlyList<PhotoRef> Photos,
        IReadOnlyList<HiddenDangerAction> AllowedActions,
        string? AcceptanceRefusal);

    /// <summary>The major case (docs/domain/dual-prevention.md#73-the-case-file): reports, plan, posting.</summary>
    public sealed record CaseDetail(
        DateTimeOffset? ReportedToRegulatorAt,
        DateTimeOffset? ReportedToWorkersCongressAt,
        RemediationPlan Plan,
        bool HasCompletePlan,
        PostingLevel? PostingLevel,
        string? PostingOrganisation,
        string? PostingNoticeNo,
        DateOnly? PostingDeadline,
        DateTimeOffset? PostedAt);

    public sealed record ExtensionRequest(
        Guid Id, DateOnly PreviousDeadline, DateOnly RequestedDeadline, string Reason, DateTimeOffset RequestedAt, string RequestedByName,
        ExtensionDecision Decision, DateTimeOffset? DecidedAt, string? DecidedByName, string? DecisionComment);

    public sealed record TimelineEntry(string Action, HiddenDangerState? FromState, HiddenDangerState ToState, DateTimeOffset At, string ByName, string? Comment);

    public sealed record PhotoRef(Guid Id, PhotoKind Kind, DateTimeOffset UploadedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        public async Task<Detail> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            var situation = await HiddenDangerUnitOfWork.LoadAsync(db, query.Id, cancellationToken);
            var h = situation.HiddenDanger;
            var enterpriseName = await db.Enterprises.Where(e => e.Id == h.EnterpriseId).Select(e => e.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
            var requests = await db.DeadlineExtensionRequests.Where(r => r.HiddenDangerId == h.Id).OrderBy(r => r.RequestedAt)
                .Select(r => new ExtensionRequest(r.Id, r.PreviousDeadline, r.RequestedDeadline, r.Reason, r.RequestedAt, r.RequestedByName, r.Decision, r.DecidedAt, r.DecidedByName, r.DecisionComment))
                .ToListAsync(cancellationToken);
            var timeline = await db.HiddenDangerHistory.Where(e => e.HiddenDangerId == h.Id).OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new TimelineEntry(e.Action, e.FromState, e.ToState, e.At, e.ByName, e.Comment))
                .ToListAsync(cancellationToken);
            var photos = await db.Photos.Where(p => p.HiddenDangerId == h.Id).OrderBy(p => p.UploadedAt)
                .Select(p => new PhotoRef(p.Id, p.Kind, p.UploadedAt))
                .ToListAsync(cancellationToken);
            var today = BusinessTime.LocalDate(clock.GetUtcNow());
            return new Detail(
                h.Id, h.EnterpriseId, enterpriseName, h.Number, h.State, h.Name, h.Description, h.Level, h.Source, h.Origin, h.EnforcementId, h.Category, h.ManagementClass,
                h.OccurrenceStage, h.AccountabilityCategory, h.RemediationType, h.Location, h.CauseAnalysis, h.RemediationMeasures, h.CostTenThousandYuan,
                h.RectifierUserId, h.RectifierName, h.Deadline, h.IsOverdueOn(today), h.RectificationNote, h.RectifiedAt, h.AccepterName, h.AcceptedAt,
                h.AcceptanceComment, h.AcceptanceRejections, h.InvalidationReason, h.ReportedAt, h.ReportedByName, h.RegisteredAt, h.ConfirmedAt,
                h.MajorCriteriaVersion, h.MajorCriterionNos, h.MajorReason, h.ClosedOutAt, h.ClosedOutByName, h.RecordId,
                situation.Case is { } c ? ToDetail(c) : null, requests, timeline, photos, HiddenDangerPermissions.Allowed(actor, situation),
                HiddenDangerPermissions.JudgingRefusal(actor, situation));
        }

        private static CaseDetail ToDetail(MajorHiddenDangerCase c) => new(
            c.ReportedToRegulatorAt,
            c.ReportedToWorkersCongressAt,
            new RemediationPlan(c.PlanObjectives, c.PlanMethods, c.PlanFundingAndMaterials, c.PlanResponsibleOrganisation, c.PlanTimeLimit, c.PlanSafetyAndEmergencyMeasures, c.InterimSafeguards, c.ProductionStopped),
            c.HasCompletePlan,
            c.PostingLevel,
            c.PostingOrganisation,
            c.PostingNoticeNo,
            c.PostingDeadline,
            c.PostedAt);
    }
}
