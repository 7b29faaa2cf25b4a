using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>
/// An enterprise's administrator issues a credential for a positioning engine: stored (hash only) and written into the
/// broker, allowed to publish into the enterprise's own topic only (ADR 0036). The secret is returned once.
/// </summary>
public static class IssueDeviceCredential
{
    public sealed record Command(string Name);

    /// <summary>The broker user name and the secret, which nothing shows again.</summary>
    public sealed record Issued(Guid Id, string Username, string Secret);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator() =>
            RuleFor(c => c.Name).NotEmpty().MaximumLength(100).WithName(_ => CoreText.Get("Field.Positioning.DeviceName"));
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IBrokerCredentials broker, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">The name is missing or too long.</exception>
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        public async Task<Issued> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            var secret = DeviceSecrets.New();
            var credential = DeviceCredential.Issue(enterpriseId, regionCode, command.Name, secret, clock.GetUtcNow());
            db.Add(credential);
            // The broker first: a credential the broker lacks is never shown to anyone as working.
            await broker.SetDeviceCredentialAsync(credential.Username, secret, enterpriseId, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            return new Issued(credential.Id, credential.Username, secret);
        }
    }
}
