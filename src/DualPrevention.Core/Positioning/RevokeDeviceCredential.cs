using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>An enterprise's administrator revokes a device credential: the broker drops the account and disconnects it.</summary>
public static class RevokeDeviceCredential
{
    public sealed record Command(Guid CredentialId);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IBrokerCredentials broker, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">The actor may only read.</exception>
        /// <exception cref="NotFoundException">No such credential in the actor's enterprise.</exception>
        public async Task HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            PositioningPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var credential = await db.Set<DeviceCredential>().SingleOrDefaultAsync(c => c.Id == command.CredentialId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Device.NotFound"));
            credential.Revoke(clock.GetUtcNow());
            await broker.RemoveDeviceCredentialAsync(credential.Username, CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }
}
