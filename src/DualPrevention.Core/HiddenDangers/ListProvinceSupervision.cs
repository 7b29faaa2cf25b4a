using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The province's supervision list (spec §13): every major hidden danger not yet closed out, every posted one, and
/// every open item or enterprise the ladder escalated to the province (overdue 30 days, a posted item overdue).
/// Province staff and administrators only.
/// </summary>
public static class ListProvinceSupervision
{
    /// <param name="EnterpriseId">Narrows the list to one enterprise.</param>
    public sealed record Query(Guid? EnterpriseId = null, int Page = 1, int PageSize = 20);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">The caller is not province staff or an administrator.</exception>
        public async Task<SupervisionList.Result> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            if (actor.Scope.Kind != TenantScopeKind.Region || !(actor.Is(Roles.ProvinceStaff) || actor.Is(Roles.Admin)))
            {
                throw new DomainRuleException(CoreText.Get("Supervision.ProvinceOnly"));
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await SupervisionList.LoadAsync(
                db, EscalationTarget.ProvinceSupervision, includeAllMajor: true, query.EnterpriseId, BusinessTime.LocalDate(clock.GetUtcNow()), query.Page, query.PageSize,
                cancellationToken);
        }
    }
}
