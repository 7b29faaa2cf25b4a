using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks;

/// <summary>Which enterprise's register a read is about.</summary>
internal static class RegisterOwner
{
    /// <summary>
    /// The requested enterprise (regulators must name one) or the caller's own. A regulator's region scope
    /// spans many enterprises, so the query filters by this id on top of the tenant filter.
    /// </summary>
    /// <exception cref="DomainRuleException">A regulator named no enterprise.</exception>
    /// <exception cref="NotFoundException">The enterprise is outside the caller's scope.</exception>
    public static async Task<Guid> ResolveAsync(DualPreventionDbContext db, Guid? requested, CancellationToken cancellationToken)
    {
        var enterpriseId = requested ?? db.Scope.EnterpriseId ?? throw new DomainRuleException(CoreText.Get("Risk.Register.EnterpriseRequired"));
        return await db.Enterprises.AnyAsync(e => e.Id == enterpriseId, cancellationToken)
            ? enterpriseId
            : throw new NotFoundException(CoreText.Get("Enterprise.NotFound"));
    }
}
