using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Tenancy;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>
/// The regulators' view of special operations (ADR 0045, "Regulators"): for a period of Beijing days (default: this
/// year) the permits of the caller's region (a city reviewer's city, the province for province staff) counted per
/// enterprise and type, and by type, grade and state; the permits in progress now, special hot work open today,
/// acceptances overdue, and the violations the records can show — started without every approval signed, expired
/// while the work was in progress. Set-based: one grouped scan of the period and one of the open permits, so the
/// province's year of 1,000,000 permits answers within the benchmark's goal (docs/benchmarks.md, permit-dashboard).
/// </summary>
public static class GetPermitSupervision
{
    /// <summary>Finished work not accepted this long after it ended is overdue (§4.15 asks for prompt acceptance) [PROP].</summary>
    public static readonly TimeSpan AcceptanceLimit = TimeSpan.FromHours(24);

    /// <param name="From">First Beijing day of the period (applied on or after it).</param>
    /// <param name="To">Last Beijing day of the period, inclusive.</param>
    /// <param name="Region">A six-digit code inside the caller's region to narrow to; the caller's region when null.</param>
    public sealed record Query(DateOnly? From = null, DateOnly? To = null, string? Region = null, int Page = 1, int PageSize = 20);

    /// <summary>How many permits of the period have one type, grade and state.</summary>
    public sealed record Breakdown(SpecialOperationType Type, string? Grade, WorkPermitStatus Status, int Count);

    /// <summary>The figures of one enterprise, or of the whole region (<see cref="Result.Totals"/>).</summary>
    public sealed record Figures(
        int Total, IReadOnlyDictionary<SpecialOperationType, int> ByType, int InProgress, int SpecialHotWorkToday, int OverdueAcceptances,
        int StartedWithoutApproval, int ExpiredWhileInProgress);

    public sealed record EnterpriseRow(Guid EnterpriseId, string Name, string RegionCode, Figures Figures);

    /// <param name="From">The period's first Beijing day.</param>
    /// <param name="To">The period's last Beijing day.</param>
    /// <param name="RegionCode">The region counted.</param>
    public sealed record Result(DateOnly From, DateOnly To, string RegionCode, Figures Totals, IReadOnlyList<Breakdown> Breakdown, Paged<EnterpriseRow> Enterprises);

    /// <summary>One grouping-set row of the period's scan (enterprise × type, or type × grade × state).</summary>
    internal sealed record PeriodGroup(
        Guid? EnterpriseId, int Type, int? HotWorkGrade, int? HeightClass, int? LiftingGrade, int? Status, int N, int StartedWithoutApproval, int ExpiredWhileInProgress);

    /// <summary>One enterprise's open permits.</summary>
    internal sealed record NowGroup(Guid EnterpriseId, int InProgress, int SpecialHotWorkToday, int OverdueAcceptances);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">The caller is not a regulator.</exception>
        /// <exception cref="ValidationException">The region or the period is malformed.</exception>
        /// <exception cref="NotFoundException">The region lies outside the caller's.</exception>
        public async Task<Result> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var window = PermitSupervisionWindow.Resolve(actor, query.From, query.To, query.Region, clock.GetUtcNow());
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("SET LOCAL jit = off", cancellationToken);
            var like = window.Prefix + "%";
            var periodGroups = await db.Database.SqlQuery<PeriodGroup>($"""
                SELECT enterprise_id, type, hot_work_grade, height_class, lifting_grade, status, count(*)::int AS n,
                       count(*) FILTER (WHERE actual_start IS NOT NULL AND (issued_at IS NULL OR actual_start < issued_at))::int AS started_without_approval,
                       count(*) FILTER (WHERE status = {(int)WorkPermitStatus.Expired} AND actual_start IS NOT NULL)::int AS expired_while_in_progress
                FROM work_permit
                WHERE region_code LIKE {like} AND applied_at >= {window.FromUtc} AND applied_at < {window.ToUtc}
                GROUP BY GROUPING SETS ((enterprise_id, type), (type, hot_work_grade, height_class, lifting_grade, status))
                """).ToListAsync(cancellationToken);
            var nowGroups = await db.Database.SqlQuery<NowGroup>($"""
                SELECT enterprise_id,
                       count(*) FILTER (WHERE status IN ({(int)WorkPermitStatus.InProgress}, {(int)WorkPermitStatus.Suspended}))::int AS in_progress,
                       count(*) FILTER (WHERE type = {(int)SpecialOperationType.HotWork} AND hot_work_grade = {(int)HotWorkGrade.Special}
                                        AND planned_start < {window.TodayEndUtc} AND planned_end > {window.TodayStartUtc})::int AS special_hot_work_today,
                       count(*) FILTER (WHERE status = {(int)WorkPermitStatus.PendingAcceptance} AND actual_end < {window.OverdueBeforeUtc})::int AS overdue_acceptances
                FROM work_permit
                WHERE region_code LIKE {like}
                  AND status IN ({(int)WorkPermitStatus.Approved}, {(int)WorkPermitStatus.InProgress}, {(int)WorkPermitStatus.Suspended}, {(int)WorkPermitStatus.PendingAcceptance})
                GROUP BY enterprise_id
                """).ToListAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);

            var perEnterprise = periodGroups.Where(g => g.EnterpriseId is not null).GroupBy(g => g.EnterpriseId!.Value).ToDictionary(g => g.Key, g => g.ToList());
            var now = nowGroups.ToDictionary(g => g.EnterpriseId);
            var ids = perEnterprise.Keys.Union(now.Keys).ToList();
            var names = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name, e.RegionCode }).ToDictionaryAsync(e => e.Id, cancellationToken);
            var rows = ids.Where(names.ContainsKey)
                .Select(id => new EnterpriseRow(id, names[id].Name, names[id].RegionCode, FiguresOf(perEnterprise.GetValueOrDefault(id) ?? [], now.GetValueOrDefault(id))))
                .OrderByDescending(r => r.Figures.InProgress).ThenByDescending(r => r.Figures.Total).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.EnterpriseId)
                .ToList();
            var totals = FiguresOf(
                periodGroups.Where(g => g.EnterpriseId is not null).ToList(),
                new NowGroup(Guid.Empty, nowGroups.Sum(g => g.InProgress), nowGroups.Sum(g => g.SpecialHotWorkToday), nowGroups.Sum(g => g.OverdueAcceptances)));
            var breakdown = periodGroups.Where(g => g.EnterpriseId is null && g.Status is not null)
                .Select(g => new Breakdown(
                    (SpecialOperationType)g.Type,
                    ListWorkPermits.GradeKey((HotWorkGrade?)g.HotWorkGrade, (HeightClass?)g.HeightClass, (LiftingGrade?)g.LiftingGrade),
                    (WorkPermitStatus)g.Status!.Value,
                    g.N))
                .OrderBy(b => b.Type).ThenBy(b => b.Grade, StringComparer.Ordinal).ThenBy(b => b.Status)
                .ToList();
            var page = Paging.ClampPage(query.Page);
            var pageSize = Paging.ClampPageSize(query.PageSize);
            return new Result(
                window.From, window.To, window.RegionCode, totals, breakdown,
                new Paged<EnterpriseRow>([.. rows.Skip((page - 1) * pageSize).Take(pageSize)], rows.Count, page, pageSize));
        }

        private static Figures FiguresOf(List<PeriodGroup> byType, NowGroup? now) => new(
            byType.Sum(g => g.N),
            byType.GroupBy(g => (SpecialOperationType)g.Type).ToDictionary(g => g.Key, g => g.Sum(x => x.N)),
            now?.InProgress ?? 0,
            now?.SpecialHotWorkToday ?? 0,
            now?.OverdueAcceptances ?? 0,
            byType.Sum(g => g.StartedWithoutApproval),
            byType.Sum(g => g.ExpiredWhileInProgress));
    }
}

/// <summary>The region and period a regulator's permit query covers, checked against the caller's scope.</summary>
internal sealed record PermitSupervisionWindow(
    string RegionCode, string Prefix, DateOnly From, DateOnly To, DateTimeOffset FromUtc, DateTimeOffset ToUtc,
    DateTimeOffset TodayStartUtc, DateTimeOffset TodayEndUtc, DateTimeOffset OverdueBeforeUtc)
{
    /// <summary>The longest period one query may cover.</summary>
    public const int MaxDays = 366;

    /// <exception cref="DomainRuleException">The caller is not a regulator.</exception>
    /// <exception cref="ValidationException">The region or the period is malformed.</exception>
    /// <exception cref="NotFoundException">The region lies outside the caller's.</exception>
    public static PermitSupervisionWindow Resolve(Actor actor, DateOnly? from, DateOnly? to, string? region, DateTimeOffset now)
    {
        if (actor.Scope is not { Kind: TenantScopeKind.Region, RegionCode: { } own } || !(actor.Is(Roles.CityReviewer) || actor.Is(Roles.ProvinceStaff) || actor.Is(Roles.Admin)))
        {
            throw new ForbiddenException(CoreText.Get("Supervision.RegulatorsOnly"));
        }

        var failures = new List<ValidationFailure>();
        if (region is not null && !RegionCodes.IsValid(region))
        {
            failures.Add(new ValidationFailure("Region", CoreText.Get("Permit.Supervision.RegionMalformed")));
        }

        var today = BusinessTime.LocalDate(now);
        var first = from ?? new DateOnly(today.Year, 1, 1);
        var last = to ?? new DateOnly(first.Year, 12, 31);
        if (last < first || last.DayNumber - first.DayNumber >= MaxDays)
        {
            failures.Add(new ValidationFailure(nameof(To), CoreText.Get("Permit.Supervision.PeriodInvalid", MaxDays)));
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var code = region ?? own;
        if (!actor.Scope.CoversRegion(code))
        {
            throw new NotFoundException(CoreText.Get("Permit.Supervision.RegionOutside"));
        }

        DateTimeOffset Start(DateOnly day) => BusinessTime.FromLocal(day.ToDateTime(TimeOnly.MinValue));
        return new PermitSupervisionWindow(
            code, RegionCodes.Prefix(code), first, last, Start(first), Start(last.AddDays(1)), Start(today), Start(today.AddDays(1)),
            now - GetPermitSupervision.AcceptanceLimit);
    }
}
