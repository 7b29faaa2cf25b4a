using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>An enterprise registers a person who may carry a tag, with their certificates.</summary>
public static class RegisterPerson
{
    public sealed record Certificate(string Name, string Number, DateOnly ExpiresOn);

    /// <param name="Certificates">None when left out.</param>
    public sealed record Command(string Name, PersonTypes Type, string? Company, TrainingStatus Training, IReadOnlyList<Certificate>? Certificates = null);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(50).WithName(_ => CoreText.Get("Field.Positioning.PersonName"));
            RuleFor(c => c.Type).Must(t => t is PersonTypes.Employee or PersonTypes.Contractor or PersonTypes.Visitor or PersonTypes.Driver)
                .WithName(_ => CoreText.Get("Field.Positioning.PersonType"));
            RuleFor(c => c.Company).MaximumLength(100).WithName(_ => CoreText.Get("Field.Positioning.Company"));
            RuleFor(c => c.Company).NotEmpty().When(c => c.Type is PersonTypes.Contractor or PersonTypes.Visitor)
                .WithName(_ => CoreText.Get("Field.Positioning.Company"));
            RuleFor(c => c.Training).IsInEnum().WithName(_ => CoreText.Get("Field.Positioning.Training"));
            RuleForEach(c => c.Certificates).ChildRules(certificate =>
            {
                certificate.RuleFor(x => x.Name).NotEmpty().MaximumLength(100).WithName(_ => CoreText.Get("Field.Positioning.CertificateName"));
                certificate.RuleFor(x => x.Number).NotEmpty().MaximumLength(50).WithName(_ => CoreText.Get("Field.Positioning.CertificateNumber"));
                certificate.RuleFor(x => x.ExpiresOn).Must(d => WorldDates.Contains(d)).WithMessage(_ => WorldDates.Refusal())
                    .WithName(_ => CoreText.Get("Field.Positioning.CertificateExpiresOn"));
            });
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <summary>Registers the person and returns their id.</summary>
        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var person = Person.Register(enterpriseId, regionCode, command.Name, command.Type, command.Company, command.Training, clock.GetUtcNow());
            foreach (var certificate in command.Certificates ?? [])
            {
                person.AddCertificate(certificate.Name, certificate.Number, certificate.ExpiresOn);
            }

            db.Add(person);
            await db.SaveChangesAsync(cancellationToken);
            return person.Id;
        }
    }
}
