using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using FluentValidation.Results;
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
        /// <exception cref="ValidationException">The year lies outside <see cref="WorldDates"/>.</exception>
        public async Task<Result> HandleAsync(int year, CancellationToken cancellationToken)
        {
            if (year < WorldDates.First.Year || year > WorldDates.Last.Year)
            {
                throw new ValidationException([new ValidationFailure("year", CoreText.Get("Query.Year.OutsideWorld", WorldDates.First.Year, WorldDates.Last.Year))]);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var from = new DateOnly(year, 1, 1);
            var to = from.AddYears(1);
            var days = await db.HolidayCalendarDays.AsNoTracking()
                .Where(d => d.Date >= from && d.Date < to)
                .OrderBy(d => d.Date)
                .Select(d => new Row(d.Date, d.Kind, d.Name))
                .ToListAsync(cancellationToken);
            // Rows outside the world (an old infinity) are skipped: extracting their year overflows.
            var years = await db.HolidayCalendarDays.Where(d => d.Date >= WorldDates.First && d.Date <= WorldDates.Last).Select(d => d.Date.Year).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);
            return new Result(from.Year, days, years);
        }
    }
}
