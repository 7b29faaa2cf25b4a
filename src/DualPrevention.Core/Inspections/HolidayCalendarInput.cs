using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core.Inspections;

/// <summary>One day of the holiday calendar as an administrator types it: local date, kind and the holiday's name.</summary>
public sealed record HolidayCalendarInput(DateOnly Date, HolidayKind Kind, string Name);

/// <summary>
/// Shape rules for <see cref="HolidayCalendarInput"/>: a known kind, a name of at most 50 characters, and 调休上班
/// only on a Saturday or Sunday (a weekday is a working day already; 国务院办公厅 notices move only weekend days).
/// </summary>
public sealed class HolidayCalendarInputValidator : AbstractValidator<HolidayCalendarInput>
{
    public HolidayCalendarInputValidator()
    {
        RuleFor(i => i.Date).NotEqual(default(DateOnly)).WithMessage(_ => CoreText.Get("Holiday.Date.Required"))
            .DependentRules(() => RuleFor(i => i.Date).WithinWorld());
        RuleFor(i => i.Kind).IsInEnum().WithMessage(_ => CoreText.Get("Holiday.Kind.Invalid"));
        RuleFor(i => i.Kind)
            .Must((i, kind) => kind != HolidayKind.AdjustedWorkingDay || i.Date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            .WithMessage(_ => CoreText.Get("Holiday.Adjusted.WeekendOnly"));
        RuleFor(i => i.Name)
            .NotEmpty().WithMessage(_ => CoreText.Get("Holiday.Name.Required"))
            .MaximumLength(50).WithMessage(_ => CoreText.Get("Holiday.Name.TooLong"));
    }
}

/// <summary>Who edits the holiday calendar: it is reference data for every enterprise, kept by the province.</summary>
public static class HolidayCalendarPermissions
{
    public static bool CanEdit(Actor actor) => actor.Is(Roles.Admin) || actor.Is(Roles.ProvinceStaff);

    /// <exception cref="DomainRuleException">The actor is not province staff or an administrator.</exception>
    internal static void EnsureCanEdit(Actor actor)
    {
        if (!CanEdit(actor))
        {
            throw new ForbiddenException(CoreText.Get("Holiday.EditNotAllowed"));
        }
    }
}
