using DualPrevention.Core.Data;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The hidden-danger ledger (隐患排查治理台账, docs/domain/dual-prevention.md#63-the-hidden-danger-record): filtered, sorted
/// and paged in SQL. Overdue is derived at the local date of the call (ADR 0003), never stored. The tenant filter
/// decides whose rows: an enterprise's own, a city's or the whole province's.
/// </summary>
public static class ListHiddenDangers
{
    /// <summary>Sort keys.</summary>
    public enum SortBy
    {
        ReportedAt = 1,
        Deadline = 2,
        Level = 3,
    }

    /// <param name="States">Any of these states; null or empty for all.</param>
    /// <param name="Overdue">True: only open items past their deadline today; false: only those that are not.</param>
    /// <param name="UnitId">The risk analysis unit the hidden danger was found in.</param>
    /// <param name="From">First local date of the period in which it was reported (inclusive).</param>
    /// <param name="To">Last local date of the period (inclusive).</param>
    /// <param name="Search">Substring of name, description, number (隐患编号) or historical ledger number, at most 100 characters.</param>
    /// <param name="EnterpriseId">Narrows a regulator's list to one enterprise; ignored for enterprise users, whose scope is theirs.</param>
    public sealed record Query(
        IReadOnlyList<HiddenDangerState>? States = null, HiddenDangerLevel? Level = null, bool? Overdue = null, InspectionSource? Source = null,
        HiddenDangerOrigin? Origin = null, Guid? UnitId = null, DateOnly? From = null, DateOnly? To = null, string? Search = null,
        Guid? EnterpriseId = null, SortBy Sort = SortBy.ReportedAt, bool Descending = true, int Page = 1, int PageSize = 20);

    /// <param name="ReportedAt">UTC.</param>
    /// <param name="Deadline">Local date.</param>
    /// <param name="DaysOverdue">Whole local days past the deadline; 0 unless <paramref name="IsOverdue"/>.</param>
    public sealed record Row(
        Guid Id, Guid EnterpriseId, string EnterpriseName, string Number, string? LedgerNo, string Name, HiddenDangerLevel Level, HiddenDangerState State,
        InspectionSource Source, HiddenDangerOrigin Origin, string? UnitName, DateTimeOffset ReportedAt, DateOnly? Deadline, string? RectifierName,
        bool IsOverdue, int DaysOverdue);

    /// <summary>Refuses a period that ends before it starts and over-long search text.</summary>
    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.To).GreaterThanOrEqualTo(q => q.From).When(q => q.From is not null && q.To is not null)
                .WithMessage(_ => CoreText.Get("HiddenDanger.Ledger.PeriodReversed"));
            RuleFor(q => q.From).WithinWorld();
            RuleFor(q => q.To).WithinWorld();
            RuleFor(q => q.Search).MaximumLength(100);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private static readonly Validator QueryValidator = new();

        // A unit deleted since still names where the hidden danger was found.
        /// <exception cref="ValidationException">The period is reversed or the search text too long.</exception>
        public async Task<Paged<Row>> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await QueryValidator.ValidateAndThrowAsync(query, cancellationToken);
            var today = BusinessTime.LocalDate(clock.GetUtcNow());
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var items = Filter(db.HiddenDangers.AsNoTracking(), query, today);
            var units = db.RiskAnalysisUnits.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly);
            var total = await items.CountAsync(cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var size = Paging.ClampPageSize(query.PageSize);
            var rows = await Sort(items, query.Sort, query.Descending)
                .Skip((page - 1) * size)
                .Take(size)
                .Select(h => new
                {
                    h.Id,
                    h.EnterpriseId,
                    EnterpriseName = db.Enterprises.Where(e => e.Id == h.EnterpriseId).Select(e => e.Name).FirstOrDefault() ?? "",
                    h.Number,
                    h.LedgerNo,
                    h.Name,
                    h.Level,
                    h.State,
                    h.Source,
                    h.Origin,
                    UnitName = units.Where(u => u.Id == h.UnitId).Select(u => u.Name).FirstOrDefault(),
                    h.ReportedAt,
                    h.Deadline,
                    h.RectifierName,
                })
                .ToListAsync(cancellationToken);
            return new Paged<Row>(
                rows.Select(r =>
                {
                    var days = HiddenDangerStates.DaysOverdue(r.State, r.Deadline, today);
                    return new Row(r.Id, r.EnterpriseId, r.EnterpriseName, r.Number, r.LedgerNo, r.Name, r.Level, r.State, r.Source, r.Origin, r.UnitName,
                        r.ReportedAt, r.Deadline, r.RectifierName, days > 0, days);
                }).ToList(),
                total, page, size);
        }

        /// <summary>The query's filters, shared with the ledger export.</summary>
        internal static IQueryable<HiddenDanger> Filter(IQueryable<HiddenDanger> items, Query query, DateOnly today)
        {
            if (query.States is { Count: > 0 })
            {
                var states = query.States.Distinct().ToArray();
                items = items.Where(h => states.Contains(h.State));
            }

            if (query.Level is { } level)
            {
                items = items.Where(h => h.Level == level);
            }

            if (query.Overdue is { } overdue)
            {
                items = items.Where(overdue ? HiddenDangerStates.OverdueOn(today) : HiddenDangerStates.NotOverdueOn(today));
            }

            if (query.Source is { } source)
            {
                items = items.Where(h => h.Source == source);
            }

            if (query.Origin is { } origin)
            {
                items = items.Where(h => h.Origin == origin);
            }

            if (query.UnitId is { } unitId)
            {
                items = items.Where(h => h.UnitId == unitId);
            }

            if (query.EnterpriseId is { } enterpriseId)
            {
                items = items.Where(h => h.EnterpriseId == enterpriseId);
            }

            // Periods are local calendar days, half-open in UTC: [From 00:00, To + 1 00:00) Beijing time.
            if (query.From is { } from)
            {
                var start = BusinessTime.FromLocal(from.ToDateTime(TimeOnly.MinValue));
                items = items.Where(h => h.ReportedAt >= start);
            }

            if (query.To is { } to)
            {
                var end = BusinessTime.FromLocal(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
                items = items.Where(h => h.ReportedAt < end);
            }

            if (Risks.RegisterSearch.Pattern(query.Search) is { } pattern)
            {
                items = items.Where(h => EF.Functions.ILike(h.Name, pattern, "\\") || EF.Functions.ILike(h.Description, pattern, "\\")
                    || EF.Functions.ILike(h.Number, pattern, "\\") || EF.Functions.ILike(h.LedgerNo!, pattern, "\\"));
            }

            return items;
        }

        internal static IQueryable<HiddenDanger> Sort(IQueryable<HiddenDanger> items, SortBy sort, bool descending) => (sort, descending) switch
        {
            // Items without a deadline come last either way: they cannot be overdue.
            (SortBy.Deadline, false) => items.OrderBy(h => h.Deadline == null).ThenBy(h => h.Deadline).ThenBy(h => h.Id),
            (SortBy.Deadline, true) => items.OrderBy(h => h.Deadline == null).ThenByDescending(h => h.Deadline).ThenBy(h => h.Id),
            (SortBy.Level, false) => items.OrderBy(h => h.Level).ThenByDescending(h => h.ReportedAt).ThenBy(h => h.Id),
            (SortBy.Level, true) => items.OrderByDescending(h => h.Level).ThenByDescending(h => h.ReportedAt).ThenBy(h => h.Id),
            (_, false) => items.OrderBy(h => h.ReportedAt).ThenBy(h => h.Id),
            (_, true) => items.OrderByDescending(h => h.ReportedAt).ThenBy(h => h.Id),
        };
    }
}
