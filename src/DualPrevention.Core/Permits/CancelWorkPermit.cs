using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>取消: the applicant withdraws a permit before work starts, with the reason.</summary>
public static class CancelWorkPermit
{
    public sealed record Command(Guid PermitId, string Reason);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Reason).NotEmpty().MaximumLength(PermitLimits.TextLength);
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">No reason, or one too long.</exception>
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, or the permit's state or a rule refuses (the reasons in the message).</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId, (db, permit, by) => Task.FromResult(permit.Cancel(command.Reason, by, clock.GetUtcNow())), cancellationToken);
        }
    }
}
