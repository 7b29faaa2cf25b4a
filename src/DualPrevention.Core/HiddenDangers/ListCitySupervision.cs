using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The city bureau's supervision list (督办, docs/domain/dual-prevention.md#82-supervision-lists): every open major
/// hidden danger of the city from the moment it is registered and reported, every posted one (挂牌督办, closed out or not),
/// every open item the ladder escalated to the city (e.g. a general one overdue 7 days), and enterprises escalated for
/// missed windows. Each row says why it is listed. Regulators only; a city reviewer sees its city, province staff every
/// city.
/// </summary>
public static class ListCitySupervision
{
    /// <param name="EnterpriseId">Narrows the list to one enterprise of the caller's region.</param>
    public sealed record Query(Guid? EnterpriseId = null, int Page = 1, int PageSize = 20);

    private static readonly SupervisionList.Listing CityListing = new(EscalationTarget.CitySupervision, SupervisionList.OpenMajorItems.Reported, PostedLevel: null);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">The caller is not a regulator.</exception>
        public async Task<SupervisionList.Result> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            if (actor.Scope.Kind != TenantScopeKind.Region || !(actor.Is(Roles.CityReviewer) || actor.Is(Roles.ProvinceStaff) || actor.Is(Roles.Admin)))
            {
                throw new ForbiddenException(CoreText.Get("Supervision.RegulatorsOnly"));
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await SupervisionList.LoadAsync(
                db, CityListing, query.EnterpriseId, BusinessTime.LocalDate(clock.GetUtcNow()), query.Page, query.PageSize, cancellationToken);
        }
    }
}
