using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// A tag is handed to a person, from now, until a given instant for visitors (temporary) or until returned; a visitor's
/// escort, if named, is the employee the <c>EscortMissing</c> rule keeps them near (docs/domain/positioning.md#42-contractors-and-visitors).
/// </summary>
public static class BindTag
{
    public sealed record Command(Guid TagId, Guid PersonId, DateTimeOffset? ValidUntil, Guid? EscortPersonId = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.ValidUntil).WithinWorld().WithName(_ => CoreText.Get("Field.Positioning.ValidUntil"));
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, ZoneChanges changes, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <summary>Binds the tag and returns the binding's id.</summary>
        /// <exception cref="ValidationException">The end lies outside the world's dates.</exception>
        /// <exception cref="DomainRuleException">The actor may only read, a visitor's end is missing or not after now, or the escort is not another employee.</exception>
        /// <exception cref="NotFoundException">The tag, the person or the escort is not the actor's enterprise's.</exception>
        /// <exception cref="ConflictException">The tag is held by someone and not returned.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            PositioningPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var tag = await db.Set<PositioningTag>().SingleOrDefaultAsync(t => t.Id == command.TagId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Tag.NotFound"));
            var person = await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == command.PersonId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Person.NotFound"));
            var escort = command.EscortPersonId is { } escortId
                ? await db.Set<Person>().SingleOrDefaultAsync(p => p.Id == escortId, cancellationToken)
                    ?? throw new NotFoundException(CoreText.Get("Positioning.Binding.EscortNotFound"))
                : null;
            var binding = TagBinding.Bind(tag, person, clock.GetUtcNow(), command.ValidUntil, escort);
            db.Add(binding);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                throw new ConflictException(CoreText.Get("Positioning.Binding.TagHeld"));
            }

            changes.Changed(binding.EnterpriseId);
            return binding.Id;
        }
    }
}
