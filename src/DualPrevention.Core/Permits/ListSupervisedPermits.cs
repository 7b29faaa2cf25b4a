using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// The permits behind one figure of <see cref="GetPermitSupervision"/>, one page at a time with their enterprises: the
/// period's permits (by enterprise, type, state), or those of one "now" figure, each linking to the permit's read-only page.
/// </summary>
public static class ListSupervisedPermits
{
    /// <summary>Which figure a list opens.</summary>
    public enum Figure
    {
        /// <summary>Applied in the period.</summary>
        Period = 1,

        /// <summary>In progress or suspended now.</summary>
        InProgress = 2,

        /// <summary>Special hot work open today.</summary>
        SpecialHotWorkToday = 3,

        /// <summary>Finished and not accepted within <see cref="GetPermitSupervision.AcceptanceLimit"/>.</summary>
        OverdueAcceptance = 4,

        /// <summary>Started before its last approval was signed (period).</summary>
        StartedWithoutApproval = 5,

        /// <summary>Expired while the work was in progress (period).</summary>
        ExpiredWhileInProgress = 6,
    }

    public enum Sort
    {
        AppliedNewestFirst = 1,
        AppliedOldestFirst = 2,
        PlannedStart = 3,
        Number = 4,
    }

    public sealed record Query(
        Figure Figure = Figure.Period, DateOnly? From = null, DateOnly? To = null, string? Region = null, Guid? EnterpriseId = null,
        SpecialOperationType? Type = null, WorkPermitStatus? Status = null, Sort SortBy = Sort.AppliedNewestFirst, int Page = 1, int PageSize = 20);

    public sealed record Row(
        Guid Id, Guid EnterpriseId, string EnterpriseName, string Number, SpecialOperationType Type, string? Grade, WorkPermitStatus Status,
        string WorkContent, string LocationText, DateTimeOffset AppliedAt, DateTimeOffset PlannedStart, DateTimeOffset PlannedEnd,
        DateTimeOffset? ActualStart, DateTimeOffset? ActualEnd);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">The caller is not a regulator.</exception>
        /// <exception cref="FluentValidation.ValidationException">The region or the period is malformed.</exception>
        /// <exception cref="NotFoundException">The region lies outside the caller's.</exception>
        public async Task<Paged<Row>> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var w = PermitSupervisionWindow.Resolve(actor, query.From, query.To, query.Region, clock.GetUtcNow());
            var page = Paging.ClampPage(query.Page);
            var pageSize = Paging.ClampPageSize(query.PageSize);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var permits = db.Set<WorkPermit>().AsNoTracking().Where(p => p.RegionCode.StartsWith(w.Prefix));
            permits = query.Figure switch
            {
                Figure.InProgress => permits.Where(p => p.Status == WorkPermitStatus.InProgress || p.Status == WorkPermitStatus.Suspended),
                Figure.SpecialHotWorkToday => permits.Where(p =>
                    (p.Status == WorkPermitStatus.Approved || p.Status == WorkPermitStatus.InProgress || p.Status == WorkPermitStatus.Suspended || p.Status == WorkPermitStatus.PendingAcceptance)
                    && p.Type == SpecialOperationType.HotWork && p.HotWorkGrade == HotWorkGrade.Special && p.PlannedStart < w.TodayEndUtc && p.PlannedEnd > w.TodayStartUtc),
                Figure.OverdueAcceptance => permits.Where(p => p.Status == WorkPermitStatus.PendingAcceptance && p.ActualEnd < w.OverdueBeforeUtc),
                Figure.StartedWithoutApproval => InPeriod(permits, w).Where(p => p.ActualStart != null && (p.IssuedAt == null || p.ActualStart < p.IssuedAt)),
                Figure.ExpiredWhileInProgress => InPeriod(permits, w).Where(p => p.Status == WorkPermitStatus.Expired && p.ActualStart != null),
                _ => InPeriod(permits, w),
            };
            if (query.EnterpriseId is { } enterpriseId)
            {
                permits = permits.Where(p => p.EnterpriseId == enterpriseId);
            }

            if (query.Type is { } type)
            {
                permits = permits.Where(p => p.Type == type);
            }

            if (query.Status is { } status)
            {
                permits = permits.Where(p => p.Status == status);
            }

            var total = await permits.CountAsync(cancellationToken);
            var sorted = query.SortBy switch
            {
                Sort.AppliedOldestFirst => permits.OrderBy(p => p.AppliedAt).ThenBy(p => p.Id),
                Sort.PlannedStart => permits.OrderBy(p => p.PlannedStart).ThenBy(p => p.Id),
                Sort.Number => permits.OrderBy(p => p.Number).ThenBy(p => p.Id),
                _ => permits.OrderByDescending(p => p.AppliedAt).ThenByDescending(p => p.Id),
            };
            var rows = await sorted.Skip((page - 1) * pageSize).Take(pageSize)
                .Join(db.Enterprises, p => p.EnterpriseId, e => e.Id, (p, e) => new
                {
                    p.Id,
                    p.EnterpriseId,
                    EnterpriseName = e.Name,
                    p.Number,
                    p.Type,
                    p.HotWorkGrade,
                    p.HeightClass,
                    p.LiftingGrade,
                    p.Status,
                    p.WorkContent,
                    p.LocationText,
                    p.AppliedAt,
                    p.PlannedStart,
                    p.PlannedEnd,
                    p.ActualStart,
                    p.ActualEnd,
                })
                .ToListAsync(cancellationToken);
            var ordered = query.SortBy switch
            {
                Sort.AppliedOldestFirst => rows.OrderBy(p => p.AppliedAt).ThenBy(p => p.Id),
                Sort.PlannedStart => rows.OrderBy(p => p.PlannedStart).ThenBy(p => p.Id),
                Sort.Number => rows.OrderBy(p => p.Number, StringComparer.Ordinal).ThenBy(p => p.Id),
                _ => rows.OrderByDescending(p => p.AppliedAt).ThenByDescending(p => p.Id),
            };
            return new Paged<Row>(
                [.. ordered.Select(p => new Row(
                    p.Id, p.EnterpriseId, p.EnterpriseName, p.Number, p.Type, ListWorkPermits.GradeKey(p.HotWorkGrade, p.HeightClass, p.LiftingGrade), p.Status,
                    p.WorkContent, p.LocationText, p.AppliedAt, p.PlannedStart, p.PlannedEnd, p.ActualStart, p.ActualEnd))],
                total, page, pageSize);
        }

        private static IQueryable<WorkPermit> InPeriod(IQueryable<WorkPermit> permits, PermitSupervisionWindow w) =>
            permits.Where(p => p.AppliedAt >= w.FromUtc && p.AppliedAt < w.ToUtc);
    }
}
