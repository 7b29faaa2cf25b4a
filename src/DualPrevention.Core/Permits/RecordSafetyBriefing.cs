using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>安全交底 (§4.4): who briefed whom on the site, and what was said; every worker and guardian is among the briefed.</summary>
public static class RecordSafetyBriefing
{
    public sealed record Command(Guid PermitId, Guid BriefedByPersonId, IReadOnlyList<Guid> BriefedPersonIds, string Content);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.BriefedByPersonId).NotEmpty();
            RuleFor(c => c.BriefedPersonIds).NotEmpty();
            RuleFor(c => c.Content).NotEmpty().MaximumLength(PermitLimits.TextLength);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">No briefer, no one briefed, or no content.</exception>
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the briefer is not in the registry, or the permit refuses.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId, async (db, permit, by) =>
            {
                await PermitUnitOfWork.PersonNameAsync(db, command.BriefedByPersonId, cancellationToken);
                return permit.RecordBriefing(command.BriefedByPersonId, command.BriefedPersonIds, command.Content, by, clock.GetUtcNow());
            }, cancellationToken);
        }
    }
}
