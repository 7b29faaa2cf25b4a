using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>One permit whole, for its page and the API: content, people, measures, approvals, gas tests, interruptions, timeline, the actions its state allows, and who may sign next.</summary>
public static class GetWorkPermit
{
    public sealed record Person(Guid PersonId, string Name, PermitRole Role, string? CertificateNumber, DateOnly? CertificateExpiresOn);

    public sealed record Measure(Guid Id, int Seq, string Text, string? Clause, bool? Applicable, string? ConfirmedByName, DateTimeOffset? ConfirmedAt);

    public sealed record Approval(int Seq, PermitOrgRole Role, string? SignedByName, DateTimeOffset? SignedAt, string? Opinion);

    public sealed record Gas(
        Guid Id, DateTimeOffset SampledAt, string Point, string RepresentativeGas, decimal LowerExplosiveLimit, decimal FlammableVolume, decimal? Oxygen,
        IReadOnlyList<ToxicReading> Toxic, string Analyst, string DetectorId, DateOnly DetectorCalibrationDueOn, bool Continuous, bool Passed, IReadOnlyList<string> Failures);

    public sealed record Interruption(DateTimeOffset From, DateTimeOffset? To, string Reason);

    public sealed record Step(WorkPermitAction Action, WorkPermitStatus? FromStatus, WorkPermitStatus ToStatus, string ByName, string? Reason, DateTimeOffset At);

    /// <summary>The work point and fence in plan metres, with the plan's name.</summary>
    public sealed record Point(Guid SitePlanId, string SitePlanName, double X, double Y, double? FenceRadiusMeters, IReadOnlyList<PlanCoordinate> Fence);

    public sealed record Details(
        Guid Id, Guid EnterpriseId, string Number, SpecialOperationType Type, string? Grade, WorkPermitStatus Status, PermitDetails TypeDetails,
        string ApplicantUnit, string WorkContent, string LocationText, bool Outdoor, string? Contractor,
        DateTimeOffset AppliedAt, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd, DateTimeOffset? IssuedAt, DateTimeOffset? ValidUntil,
        DateTimeOffset? ActualStart, DateTimeOffset? ActualEnd, string? HazardAnalysisResult, string? OtherMeasures, string? OtherMeasuresAuthor,
        string? ShiftLeaderCheckedByName, DateTimeOffset? ShiftLeaderCheckedAt, string? AcceptedByName, DateTimeOffset? AcceptedAt, string? EndReason,
        Guid? ReplacesPermitId, Guid? ReplacedByPermitId, IReadOnlyList<Guid> LinkedPermitIds, bool GasTestRequired, PermitOrgRole? NextSignature,
        IReadOnlyList<Person> People, IReadOnlyList<Measure> Measures, IReadOnlyList<Approval> Approvals, IReadOnlyList<Gas> GasTests,
        IReadOnlyList<Interruption> Interruptions, bool Briefed, IReadOnlyList<Step> Timeline, IReadOnlyList<WorkPermitAction> AllowedActions,
        Point? WorkPoint, SimultaneousActivity Activities, IReadOnlyList<Signer> NextSigners);

    /// <summary>An account that may sign the next approval step now (ADR 0051).</summary>
    public sealed record Signer(Guid UserId, string Name);

    /// <summary>The fence's ring without its closing corner.</summary>
    internal static IReadOnlyList<PlanCoordinate> Corners(NetTopologySuite.Geometries.Polygon? fence) =>
        fence is null ? [] : [.. fence.ExteriorRing.Coordinates.SkipLast(1).Select(c => new PlanCoordinate(c.X, c.Y))];

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No such permit in the reader's scope.</exception>
        public async Task<Details> HandleAsync(Guid permitId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var p = await PermitUnitOfWork.LoadAsync(db, permitId, cancellationToken);
            var people = await PermitUnitOfWork.NamedPeopleAsync(db, p, cancellationToken);
            var timeline = await db.Set<WorkPermitEvent>().AsNoTracking().Where(e => e.PermitId == permitId)
                .OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new Step(e.Action, e.FromStatus, e.ToStatus, e.ByName, e.Reason, e.At))
                .ToListAsync(cancellationToken);
            var allowed = WorkPermitLifecycle.AllowedFrom.Where(a => a.Value.Contains(p.Status) && a.Key != WorkPermitAction.Expired).Select(a => a.Key)
                .Where(a => a != WorkPermitAction.ShiftLeaderChecked || (p.Type == SpecialOperationType.HotWork && p.ShiftLeaderCheckedAt is null))
                .ToList();
            var planName = p.SitePlanId is { } planId
                ? await db.Set<Positioning.SitePlan>().Where(s => s.Id == planId).Select(s => s.Name).SingleAsync(cancellationToken)
                : null;
            return new Details(
                p.Id, p.EnterpriseId, p.Number, p.Type, ListWorkPermits.GradeKey(p.HotWorkGrade, p.HeightClass, p.LiftingGrade), p.Status, p.Details,
                p.ApplicantUnit, p.WorkContent, p.LocationText, p.Outdoor, p.Contractor,
                p.AppliedAt, p.PlannedStart, p.PlannedEnd, p.IssuedAt, p.ValidUntil, p.ActualStart, p.ActualEnd,
                p.HazardAnalysisResult, p.OtherMeasures, p.OtherMeasuresAuthor, p.ShiftLeaderCheckedByName, p.ShiftLeaderCheckedAt,
                p.AcceptedByName, p.AcceptedAt, p.EndReason, p.ReplacesPermitId, p.ReplacedByPermitId, p.LinkedPermitIds, p.GasTestRequired,
                p.NextApprovalStep?.Role,
                [.. people.Select(x => new Person(x.PersonId, x.Name, x.Role, x.CertificateNumber, x.CertificateExpiresOn))],
                [.. p.Measures.OrderBy(m => m.Seq).Select(m => new Measure(m.Id, m.Seq, m.Text, m.Clause, m.Applicable, m.ConfirmedByName, m.ConfirmedAt))],
                [.. p.Approvals.OrderBy(a => a.Seq).Select(a => new Approval(a.Seq, a.Role, a.SignedByName, a.SignedAt, a.Opinion))],
                [.. p.GasTests.OrderByDescending(t => t.SampledAt).Select(t => new Gas(t.Id, t.SampledAt, t.Point, t.RepresentativeGas, t.LowerExplosiveLimit, t.FlammableVolume, t.Oxygen, t.Toxic, t.Analyst, t.DetectorId, t.DetectorCalibrationDueOn, t.Continuous, t.Passed, t.Failures))],
                [.. p.Interruptions.OrderBy(i => i.From).Select(i => new Interruption(i.From, i.To, i.Reason))],
                p.Briefings.Count > 0, timeline, allowed,
                p.WorkPoint is null ? null : new Point(p.SitePlanId!.Value, planName!, p.WorkPoint.X, p.WorkPoint.Y, p.FenceRadiusMeters, Corners(p.WorkFence)),
                p.Activities,
                [.. (await PermitSigners.NextAsync(db, p, cancellationToken)).Select(x => new Signer(x.UserId, x.Name))]);
        }
    }
}
