using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>An enterprise's administrator or safety officer registers a positioning tag by its serial.</summary>
public static class RegisterPositioningTag
{
    public sealed record Command(string Serial, TagKind Kind);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Serial).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9:_.-]+$")
                .WithName(_ => CoreText.Get("Field.Positioning.Serial"));
            RuleFor(c => c.Kind).IsInEnum().WithName(_ => CoreText.Get("Field.Positioning.TagKind"));
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <summary>Registers the tag and returns its id.</summary>
        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        /// <exception cref="ConflictException">The enterprise has a tag of that serial.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var serial = command.Serial.Trim();
            if (await db.Set<PositioningTag>().AnyAsync(t => t.EnterpriseId == enterpriseId && t.Serial == serial, cancellationToken))
            {
                throw new ConflictException(CoreText.Get("Positioning.Tag.SerialTaken"));
            }

            var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var tag = PositioningTag.Register(enterpriseId, regionCode, serial, command.Kind, clock.GetUtcNow());
            db.Add(tag);
            await db.SaveChangesAsync(cancellationToken);
            return tag.Id;
        }
    }
}
