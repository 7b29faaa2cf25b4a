using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>One control measure.</summary>
public static class GetControlMeasure
{
    public sealed record View(Guid Id, Guid EnterpriseId, Guid EventId, ControlMeasureDetails Details, DateTimeOffset UpdatedAt);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <exception cref="NotFoundException">No live measure with this id in the caller's scope.</exception>
        public async Task<View> HandleAsync(Guid id, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var row = await db.ControlMeasures.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken)
                ?? throw new NotFoundException(CoreText.Get("Risk.NotFound"));
            return ToView(row);
        }

        internal static View ToView(ControlMeasure m) => new(m.Id, m.EnterpriseId, m.EventId, m.ToDetails(), m.UpdatedAt);
    }
}
