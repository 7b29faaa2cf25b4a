using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core.Accounts;

/// <summary>An account manager sets the department and post (岗位) of an account they manage; posts decide who shares post-assigned inspection tasks.</summary>
public static class UpdateAccountProfile
{
    /// <param name="Department">车间/部门, ≤ 100 characters; blank clears it.</param>
    /// <param name="Post">岗位, ≤ 100 characters; blank clears it.</param>
    public sealed record Command(Guid UserId, string? Department, string? Post);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Department).MaximumLength(100).WithMessage(_ => CoreText.Get("Account.Department.TooLong"));
            RuleFor(c => c.Post).MaximumLength(100).WithMessage(_ => CoreText.Get("Account.Post.TooLong"));
        }
    }

    public sealed class Handler(IServiceScopeFactory scopes)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is too long.</exception>
        /// <exception cref="DomainRuleException">The account is the actor's own.</exception>
        /// <exception cref="NotFoundException">Not an account the actor manages.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var work = AccountUnitOfWork.Begin(scopes, actor.Scope);
            var user = await ManagedAccount.FindAsync(work, actor, command.UserId, cancellationToken);
            user.Department = string.IsNullOrWhiteSpace(command.Department) ? null : command.Department.Trim();
            user.Post = string.IsNullOrWhiteSpace(command.Post) ? null : command.Post.Trim();
            AccountCreation.ThrowOnFailure(await work.Users.UpdateAsync(user));
        }
    }
}
