using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core.Accounts;

/// <summary>An account manager adds a person: a city reviewer, province staff, or an enterprise's staff member.</summary>
public static class CreateAccount
{
    /// <param name="Account">Who and the one-time password.</param>
    /// <param name="Role">One of <see cref="Roles"/>.</param>
    /// <param name="EnterpriseId">For enterprise roles.</param>
    /// <param name="RegionCode">For regulator roles: the city (CityReviewer) or province code.</param>
    public sealed record Command(NewAccount Account, string Role, Guid? EnterpriseId, string? RegionCode);

    /// <summary>Shape rules of the whole command.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Account).NotNull().SetValidator(new NewAccountValidator());
            RuleFor(c => c.Role).Cascade(CascadeMode.Stop).NotEmpty()
                .Must(role => Roles.All.Contains(role)).WithMessage(_ => CoreText.Get("Account.Role.Unknown", string.Join(", ", Roles.All)));
        }
    }

    public sealed class Handler(IServiceScopeFactory scopes, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <summary>Creates the account; it must change its password at first sign-in. Returns its id.</summary>
        /// <exception cref="ValidationException">The account's fields are malformed.</exception>
        /// <exception cref="DomainRuleException">The actor may not create it, or the name is taken or lacks the enterprise's prefix.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var work = AccountUnitOfWork.Begin(scopes, actor.Scope);
            string? enterpriseRegion = null;
            if (command.EnterpriseId is { } enterpriseId)
            {
                var enterprise = await work.Db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => new { e.RegionCode, e.ShortCode }).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new DomainRuleException(CoreText.Get("Enterprise.NotFound"));
                enterpriseRegion = enterprise.RegionCode;
                if (!command.Account.UserName.StartsWith(enterprise.ShortCode + "-", StringComparison.Ordinal))
                {
                    throw new DomainRuleException(CoreText.Get("Account.UserName.Prefix", enterprise.ShortCode));
                }
            }

            if (!AccountPermissions.CanManage(actor, command.Role, command.EnterpriseId, command.RegionCode, enterpriseRegion))
            {
                throw new ForbiddenException(CoreText.Get("Account.Role.NotAllowed", CoreText.Get($"Role.{command.Role}")));
            }

            await using var transaction = await work.Db.Database.BeginTransactionAsync(cancellationToken);
            var user = await AccountCreation.CreateAsync(
                work.Users, command.Account, command.Role, command.EnterpriseId, command.RegionCode, mustChangePassword: true, clock.GetUtcNow());
            await transaction.CommitAsync(cancellationToken);
            return user.Id;
        }
    }
}
