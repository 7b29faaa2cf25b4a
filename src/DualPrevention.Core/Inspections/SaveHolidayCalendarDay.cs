using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// An administrator adds a day to the holiday calendar or corrects one. Windows already generated stay as they
/// are; generation reads the calendar for windows it has yet to make.
/// </summary>
public static class SaveHolidayCalendarDay
{
    /// <param name="ExistingDate">The listed day being corrected; null to add <see cref="HolidayCalendarInput.Date"/>.</param>
    public sealed record Command(DateOnly? ExistingDate, HolidayCalendarInput Day);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly HolidayCalendarInputValidator _validator = new();

        /// <exception cref="ValidationException">A field is malformed, or 调休上班 falls on a weekday.</exception>
        /// <exception cref="NotFoundException">The day to correct is not listed.</exception>
        /// <exception cref="DomainRuleException">The actor may not edit the calendar, or the date is listed already.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            HolidayCalendarPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command.Day, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var now = clock.GetUtcNow();
            var day = command.Day;
            if (command.ExistingDate is { } existing)
            {
                var row = await db.HolidayCalendarDays.FirstOrDefaultAsync(d => d.Date == existing, cancellationToken)
                    ?? throw new NotFoundException(CoreText.Get("Holiday.NotFound"));
                if (existing == day.Date)
                {
                    row.Update(day.Kind, day.Name, now);
                }
                else
                {
                    db.HolidayCalendarDays.Remove(row);
                    db.HolidayCalendarDays.Add(HolidayCalendarDay.Create(day.Date, day.Kind, day.Name, now));
                }
            }
            else
            {
                db.HolidayCalendarDays.Add(HolidayCalendarDay.Create(day.Date, day.Kind, day.Name, now));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw new DomainRuleException(CoreText.Get("Holiday.Date.Taken", day.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ex);
            }
        }
    }
}
