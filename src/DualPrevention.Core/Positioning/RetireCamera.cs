using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Positioning;

/// <summary>An enterprise's administrator or safety officer retires a camera (停用): it stays for the alarms that name it.</summary>
public static class RetireCamera
{
    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">The actor may only read, or the camera is retired already.</exception>
        /// <exception cref="NotFoundException">The camera is not the enterprise's.</exception>
        public async Task HandleAsync(Actor actor, Guid cameraId, CancellationToken cancellationToken)
        {
            var enterpriseId = PositioningPermissions.EnsureCanEdit(actor);
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var camera = await db.Set<Camera>().SingleOrDefaultAsync(c => c.Id == cameraId && c.EnterpriseId == enterpriseId, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Positioning.Camera.NotFound"));
            camera.Retire(clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
