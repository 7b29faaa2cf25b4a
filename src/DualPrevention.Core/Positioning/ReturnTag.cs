using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>A tag comes back (a visitor leaves): its binding ends now and the tag is free for the next person.</summary>
public static class ReturnTag
{
    public sealed record Command(Guid BindingId);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">The actor may only read, or the tag was returned already.</exception>
        /// <exception cref="NotFoundException">No such binding in the actor's enterprise.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            PositioningPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var binding = await db.Set<TagBinding>().SingleOrDefaultAsync(b => b.Id == command.BindingId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Binding.NotFound"));
            binding.Return(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
