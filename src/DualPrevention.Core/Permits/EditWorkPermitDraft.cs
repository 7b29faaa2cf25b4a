using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Permits;

/// <summary>修改草稿: a draft's content is rewritten; anything after the draft is corrected by void and re-issue (ADR 0045).</summary>
public static class EditWorkPermitDraft
{
    public sealed record Command(Guid PermitId, WorkPermitContent Content);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() => RuleFor(c => c.Content).NotNull().SetValidator(new WorkPermitContentValidator());
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">The content is incomplete or out of range.</exception>
        /// <exception cref="NotFoundException">No such permit in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, the permit is no longer a draft, or a rule refuses the content.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await PermitUnitOfWork.RunAsync(dbFactory, actor, command.PermitId, async (db, permit, by) =>
            {
                await ApplyForWorkPermit.EnsureContentAsync(db, command.Content, cancellationToken);
                return permit.Edit(command.Content, by, clock.GetUtcNow());
            }, cancellationToken);
        }
    }
}
