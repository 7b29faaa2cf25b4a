using DualPrevention.Core.Data;
using DualPrevention.Core.Escalations;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// What the city's and the province's supervision lists share (docs/domain/dual-prevention.md#82-supervision-lists):
/// items escalated to the list's target, enterprises escalated for missed windows, and as the list asks open major
/// items and posted ones. The tenant filter narrows every part to the caller's region.
/// </summary>
public static class SupervisionList
{
    /// <param name="ReportedToRegulatorAt">UTC.</param>
    /// <param name="PostingDeadline">Local date.</param>
    /// <param name="StepCodes">The escalation steps that put it on this list, e.g. "overdue-7d-city".</param>
    public sealed record ItemRow(
        Guid HiddenDangerId, Guid EnterpriseId, string EnterpriseName, string RegionCode, string Name, HiddenDangerLevel Level, HiddenDangerState State,
        DateOnly? Deadline, bool IsOverdue, int DaysOverdue, string? RectifierName, DateTimeOffset? ReportedToRegulatorAt, bool IsPosted,
        PostingLevel? PostingLevel, string? PostingNoticeNo, DateOnly? PostingDeadline, IReadOnlyList<SupervisionReason> Reasons, IReadOnlyList<string> StepCodes);

    /// <summary>An enterprise listed for missed inspection windows in <paramref name="Period"/> (ISO week, "2026-W48").</summary>
    /// <param name="FiredAt">UTC.</param>
    public sealed record EnterpriseRow(Guid EnterpriseId, string EnterpriseName, string RegionCode, string Period, string StepCode, DateTimeOffset FiredAt, SupervisionReason Reason);

    /// <param name="Enterprises">The most recent missed-window escalations, at most <see cref="MaxEnterpriseRows"/>.</param>
    public sealed record Result(Paged<ItemRow> Items, IReadOnlyList<EnterpriseRow> Enterprises);

    /// <summary>Missed-window rows shown at most; older weeks stay in the escalation records.</summary>
    public const int MaxEnterpriseRows = 200;

    /// <summary>Which major hidden dangers not yet closed out a list shows besides those escalated to it.</summary>
    internal enum OpenMajorItems
    {
        None = 0,

        /// <summary>Those reported to the bureau (every one from its registration, docs/domain/dual-prevention.md#71-reporting).</summary>
        Reported = 1,

        /// <summary>Every one, reported or not.</summary>
        All = 2,
    }

    /// <summary>
    /// What a list shows: open items the ladder escalated to <paramref name="Target"/> and enterprises it escalated
    /// there for missed windows, plus <paramref name="OpenMajor"/> and the posted items at
    /// <paramref name="PostedLevel"/> (null: posted at any level).
    /// </summary>
    internal sealed record Listing(EscalationTarget Target, OpenMajorItems OpenMajor, PostingLevel? PostedLevel);

    internal static async Task<Result> LoadAsync(
        DualPreventionDbContext db, Listing listing, Guid? enterpriseId, DateOnly today, int page, int pageSize, CancellationToken cancellationToken)
    {
        var open = HiddenDangerStates.Open.Members;
        var openMajor = HiddenDangerStates.OpenMajor.Members;
        var anyMajor = listing.OpenMajor != OpenMajorItems.None;
        var unreportedMajor = listing.OpenMajor == OpenMajorItems.All;
        var postedLevel = listing.PostedLevel;
        var escalated = db.EscalationRecords.Where(r => r.Subject == EscalationSubject.HiddenDanger && r.Target == listing.Target);
        var items =
            from h in db.HiddenDangers.AsNoTracking()
            join c in db.MajorHiddenDangerCases on h.Id equals c.HiddenDangerId into cases
            from c in cases.DefaultIfEmpty()
            where (anyMajor && h.Level == HiddenDangerLevel.Major && openMajor.Contains(h.State) && (unreportedMajor || (c != null && c.ReportedToRegulatorAt != null)))
                || (c != null && c.PostedAt != null && (postedLevel == null || c.PostingLevel == postedLevel))
                || (open.Contains(h.State) && escalated.Any(r => r.SubjectId == h.Id))
            select new { H = h, C = c };
        if (enterpriseId is { } id)
        {
            items = items.Where(x => x.H.EnterpriseId == id);
        }

        var total = await items.CountAsync(cancellationToken);
        page = Paging.ClampPage(page);
        pageSize = Paging.ClampPageSize(pageSize);
        var rows = await items
            .OrderBy(x => x.H.Deadline == null).ThenBy(x => x.H.Deadline).ThenByDescending(x => x.H.ReportedAt).ThenBy(x => x.H.Id)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(x => new
            {
                x.H.Id,
                x.H.EnterpriseId,
                x.H.RegionCode,
                x.H.Name,
                x.H.Level,
                x.H.State,
                x.H.Deadline,
                x.H.RectifierName,
                EnterpriseName = db.Enterprises.Where(e => e.Id == x.H.EnterpriseId).Select(e => e.Name).FirstOrDefault() ?? "",
                ReportedToRegulatorAt = x.C == null ? null : x.C.ReportedToRegulatorAt,
                PostedAt = x.C == null ? null : x.C.PostedAt,
                PostingLevel = x.C == null ? null : x.C.PostingLevel,
                PostingNoticeNo = x.C == null ? null : x.C.PostingNoticeNo,
                PostingDeadline = x.C == null ? null : x.C.PostingDeadline,
            })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Id).ToList();
        var steps = (await escalated.Where(r => ids.Contains(r.SubjectId)).Select(r => new { r.SubjectId, r.StepCode }).ToListAsync(cancellationToken))
            .ToLookup(r => r.SubjectId, r => r.StepCode);

        var listed = rows.Select(r =>
        {
            var reasons = new List<SupervisionReason>();
            if (anyMajor && r.Level == HiddenDangerLevel.Major && openMajor.Contains(r.State) && (unreportedMajor || r.ReportedToRegulatorAt is not null))
            {
                reasons.Add(SupervisionReason.OpenMajor);
            }

            if (r.PostedAt is not null)
            {
                reasons.Add(SupervisionReason.Posted);
            }

            var stepCodes = open.Contains(r.State) ? steps[r.Id].Order(StringComparer.Ordinal).ToList() : [];
            if (stepCodes.Count > 0)
            {
                reasons.Add(SupervisionReason.Escalated);
            }

            var days = HiddenDangerStates.DaysOverdue(r.State, r.Deadline, today);
            return new ItemRow(r.Id, r.EnterpriseId, r.EnterpriseName, r.RegionCode, r.Name, r.Level, r.State, r.Deadline, days > 0, days, r.RectifierName,
                r.ReportedToRegulatorAt, r.PostedAt is not null, r.PostingLevel, r.PostingNoticeNo, r.PostingDeadline, reasons, stepCodes);
        }).ToList();

        var missed = db.EscalationRecords.AsNoTracking().Where(r => r.Subject == EscalationSubject.MissedWindows && r.Target == listing.Target);
        if (enterpriseId is { } only)
        {
            missed = missed.Where(r => r.EnterpriseId == only);
        }

        var enterprises = await missed
            .OrderByDescending(r => r.Period).ThenByDescending(r => r.FiredAt)
            .Take(MaxEnterpriseRows)
            .Select(r => new EnterpriseRow(
                r.EnterpriseId, db.Enterprises.Where(e => e.Id == r.EnterpriseId).Select(e => e.Name).FirstOrDefault() ?? "", r.RegionCode, r.Period, r.StepCode,
                r.FiredAt, SupervisionReason.MissedWindows))
            .ToListAsync(cancellationToken);
        return new Result(new Paged<ItemRow>(listed, total, page, pageSize), enterprises);
    }
}
