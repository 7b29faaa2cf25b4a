using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Escalations;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The province's supervision list (docs/domain/dual-prevention.md#82-supervision-lists): by default what the ladder
/// escalated to the province — open items whose step targets <see cref="EscalationTarget.ProvinceSupervision"/> (e.g.
/// overdue 30 days, a posted major item past its posting deadline, as the rules in force say) and enterprises escalated
/// for missed windows — and what the province itself posted (挂牌督办 at province level). <see cref="Query.AllMajor"/> adds
/// every major hidden danger not yet closed out and every posted one, whoever posted it. Province staff and
/// administrators only.
/// </summary>
public static class ListProvinceSupervision
{
    /// <param name="EnterpriseId">Narrows the list to one enterprise.</param>
    /// <param name="AllMajor">Also every open major hidden danger and every posted one.</param>
    public sealed record Query(Guid? EnterpriseId = null, int Page = 1, int PageSize = 20, bool AllMajor = false);

    private static readonly SupervisionList.Listing Escalated =
        new(EscalationTarget.ProvinceSupervision, SupervisionList.OpenMajorItems.None, PostedLevel: PostingLevel.Province);

    private static readonly SupervisionList.Listing AllMajor =
        new(EscalationTarget.ProvinceSupervision, SupervisionList.OpenMajorItems.All, PostedLevel: null);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        /// <exception cref="DomainRuleException">The caller is not province staff or an administrator.</exception>
        public async Task<SupervisionList.Result> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            if (actor.Scope.Kind != TenantScopeKind.Region || !(actor.Is(Roles.ProvinceStaff) || actor.Is(Roles.Admin)))
            {
                throw new ForbiddenException(CoreText.Get("Supervision.ProvinceOnly"));
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await SupervisionList.LoadAsync(
                db, query.AllMajor ? AllMajor : Escalated, query.EnterpriseId, BusinessTime.LocalDate(clock.GetUtcNow()), query.Page, query.PageSize, cancellationToken);
        }
    }
}
