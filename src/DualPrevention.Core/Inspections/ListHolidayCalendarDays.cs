using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>The holiday calendar's days of one year, in date order; readable by everyone signed in.</summary>
public static class ListHolidayCalendarDays
{
    public sealed record Row(DateOnly Date, HolidayKind Kind, string Name);

    /// <param name="Years">The years that have any day listed, for a year picker.</param>
    public sealed record Result(int Year, IReadOnlyList<Row> Days, IReadOnlyList<int> Years);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        public async Task<Result> HandleAsync(int year, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var from = new DateOnly(Math.Clamp(year, 2000, 2100), 1, 1);
            var to = from.AddYears(1);
            var days = await db.HolidayCalendarDays.AsNoTracking()
                .Where(d => d.Date >= from && d.Date < to)
                .OrderBy(d => d.Date)
                .Select(d => new Row(d.Date, d.Kind, d.Name))
                .ToListAsync(cancellationToken);
            var years = await db.HolidayCalendarDays.Select(d => d.Date.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);
            return new Result(from.Year, days, years);
        }
    }
}
