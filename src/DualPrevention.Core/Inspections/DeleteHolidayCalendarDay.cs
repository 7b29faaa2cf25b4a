using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Inspections;

/// <summary>An administrator removes a day from the holiday calendar; the date then follows the Monday–Friday week.</summary>
public static class DeleteHolidayCalendarDay
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">The day is not listed.</exception>
        /// <exception cref="DomainRuleException">The actor may not edit the calendar.</exception>
        public async Task HandleAsync(Actor actor, DateOnly date, CancellationToken cancellationToken)
        {
            HolidayCalendarPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (await db.HolidayCalendarDays.Where(d => d.Date == date).ExecuteDeleteAsync(cancellationToken) == 0)
            {
                throw new NotFoundException(CoreText.Get("Holiday.NotFound"));
            }
        }
    }
}
