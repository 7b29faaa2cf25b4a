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

    public sealed class Handler(IServiceScopeFactory scopes, IValidator<NewAccount> validator, TimeProvider clock)
    {
        /// <summary>Creates the account; it must change its password at first sign-in. Returns its id.</summary>
        /// <exception cref="ValidationException">The account's fields are malformed.</exception>
        /// <exception cref="DomainRuleException">The actor may not create it, or the name is taken.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await validator.ValidateAndThrowAsync(command.Account, cancellationToken);
            await using var work = AccountUnitOfWork.Begin(scopes, actor.Scope);
            string? enterpriseRegion = null;
            if (command.EnterpriseId is { } enterpriseId)
            {
                enterpriseRegion = await work.Db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).FirstOrDefaultAsync(cancellationToken)
                    ?? throw new DomainRuleException(CoreText.Get("Enterprise.NotFound"));
            }

            if (!Roles.All.Contains(command.Role)
                || !AccountPermissions.CanManage(actor, command.Role, command.EnterpriseId, command.RegionCode, enterpriseRegion))
            {
                throw new DomainRuleException(CoreText.Get("Account.Role.NotAllowed", command.Role));
            }

            await using var transaction = await work.Db.Database.BeginTransactionAsync(cancellationToken);
            var user = await AccountCreation.CreateAsync(
                work.Users, command.Account, command.Role, command.EnterpriseId, command.RegionCode, mustChangePassword: true, clock.GetUtcNow());
            await transaction.CommitAsync(cancellationToken);
            return user.Id;
        }
    }
}
