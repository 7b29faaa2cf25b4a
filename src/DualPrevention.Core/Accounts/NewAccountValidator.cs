using DualPrevention.Core.Localization;
using FluentValidation;

namespace DualPrevention.Core.Accounts;

/// <summary>Shape rules for <see cref="NewAccount"/>.</summary>
public sealed class NewAccountValidator : AbstractValidator<NewAccount>
{
    public NewAccountValidator()
    {
        RuleFor(a => a.UserName)
            .Must(n => n is { Length: >= 3 and <= 64 } && n.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-'))
            .WithMessage(_ => CoreText.Get("Account.UserName.Format"));
        RuleFor(a => a.DisplayName)
            .NotEmpty().WithMessage(_ => CoreText.Get("Account.DisplayName.Required"))
            .MaximumLength(50).WithMessage(_ => CoreText.Get("Account.DisplayName.TooLong"));
        RuleFor(a => a.InitialPassword)
            .Must(ThreeCharacterClassesPasswordValidator.IsStrong)
            .WithMessage(_ => CoreText.Get("Account.Password.Weak"))
            .MaximumLength(ThreeCharacterClassesPasswordValidator.MaximumLength)
            .WithMessage(_ => CoreText.Get("Account.Password.TooLong"));
        RuleFor(a => a.PhoneNumber)
            .Must(p => string.IsNullOrWhiteSpace(p) || (p.Length <= 20 && p.All(c => char.IsAsciiDigit(c) || c is ' ' or '+' or '-')))
            .WithMessage(_ => CoreText.Get("Enterprise.Phone.Format"));
        RuleFor(a => a.Department).MaximumLength(100).WithMessage(_ => CoreText.Get("Account.Department.TooLong"));
        RuleFor(a => a.Post).MaximumLength(100).WithMessage(_ => CoreText.Get("Account.Post.TooLong"));
    }
}
