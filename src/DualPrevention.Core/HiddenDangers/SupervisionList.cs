using DualPrevention.Core.Data;
using DualPrevention.Core.Escalations;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// What the city's and the province's supervision lists share (spec §5.10, §13): open major items, posted ones,
/// items escalated to the list's target, and enterprises escalated for missed windows. The tenant filter narrows
/// every part to the caller's region.
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

    internal static async Task<Result> LoadAsync(
        DualPreventionDbContext db, EscalationTarget target, bool includeAllMajor, Guid? enterpriseId, DateOnly today, int page, int pageSize,
        CancellationToken cancellationToken)
    {
        var open = LedgerStates.Open;
        var openMajor = LedgerStates.OpenMajor;
        var escalated = db.EscalationRecords.Where(r => r.Subject == EscalationSubject.HiddenDanger && r.Target == target);
        var items =
            from h in db.HiddenDangers.AsNoTracking()
            join c in db.MajorHiddenDangerCases on h.Id equals c.HiddenDangerId into cases
            from c in cases.DefaultIfEmpty()
            where (h.Level == HiddenDangerLevel.Major && openMajor.Contains(h.State) && (includeAllMajor || (c != null && c.ReportedToRegulatorAt != null)))
                || (c != null && c.PostedAt != null)
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
            if (r.Level == HiddenDangerLevel.Major && openMajor.Contains(r.State) && (includeAllMajor || r.ReportedToRegulatorAt is not null))
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

            var days = LedgerStates.DaysOverdue(r.State, r.Deadline, today);
            return new ItemRow(r.Id, r.EnterpriseId, r.EnterpriseName, r.RegionCode, r.Name, r.Level, r.State, r.Deadline, days > 0, days, r.RectifierName,
                r.ReportedToRegulatorAt, r.PostedAt is not null, r.PostingLevel, r.PostingNoticeNo, r.PostingDeadline, reasons, stepCodes);
        }).ToList();

        var missed = db.EscalationRecords.AsNoTracking().Where(r => r.Subject == EscalationSubject.MissedWindows && r.Target == target);
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
