using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core.Enterprises;

/// <summary>A city reviewer registers an enterprise of its city together with the enterprise's first EnterpriseAdmin.</summary>
public static class RegisterEnterprise
{
    /// <param name="ShortCode">Lower-case slug, e.g. "qd-huanghai-chem".</param>
    /// <param name="Details">The enterprise's facts.</param>
    /// <param name="FirstAdmin">The EnterpriseAdmin account; it must change its password at first sign-in.</param>
    public sealed record Command(string ShortCode, EnterpriseDetails Details, NewAccount FirstAdmin);

    /// <summary>Shape rules of the whole command.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.ShortCode).Must(IsValidShortCode).WithMessage(_ => CoreText.Get("Enterprise.ShortCode.Format"));
            RuleFor(c => c.Details).NotNull().SetValidator(new EnterpriseDetailsValidator());
            RuleFor(c => c.FirstAdmin).NotNull().SetValidator(new NewAccountValidator());
            RuleFor(c => c.FirstAdmin.UserName)
                .Must((c, userName) => userName.StartsWith(c.ShortCode + "-", StringComparison.Ordinal))
                .When(c => c.FirstAdmin is not null && c.ShortCode is not null)
                .WithMessage(c => CoreText.Get("Account.UserName.Prefix", c.ShortCode));
        }

        /// <summary>3–32 of a–z, 0–9 and '-', starting with a letter.</summary>
        public static bool IsValidShortCode(string? code) =>
            code is { Length: >= 3 and <= 32 } && char.IsAsciiLetterLower(code[0])
            && code.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
    }

    public sealed class Handler(IServiceScopeFactory scopes, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <summary>Registers both in one transaction and returns the enterprise id.</summary>
        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="DomainRuleException">Outside the reviewer's city, or a code or user name is taken.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            if (!actor.Is(Roles.CityReviewer) || !actor.Scope.CoversRegion(command.Details.RegionCode))
            {
                throw new DomainRuleException(CoreText.Get("Enterprise.OutsideRegion"));
            }

            await using var work = AccountUnitOfWork.Begin(scopes, actor.Scope);
            var db = work.Db;
            await EnterpriseRules.EnsureConsistentAsync(db, command.Details, cancellationToken);

            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var enterprise = Enterprise.Register(command.ShortCode, command.Details, now);
            db.Enterprises.Add(enterprise);
            await EnterpriseRules.SaveAsync(db, enterprise, cancellationToken);
            await AccountCreation.CreateAsync(work.Users, command.FirstAdmin, Roles.EnterpriseAdmin, enterprise.Id, null, mustChangePassword: true, now);
            await transaction.CommitAsync(cancellationToken);
            return enterprise.Id;
        }
    }
}
