using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.MajorHazards;

/// <summary>Rules of a major hazard source that need the database.</summary>
internal static class MajorHazardSourceRules
{
    /// <summary>
    /// The 包保 persons (应急厅〔2021〕12号) must be accounts of the same enterprise. Accounts carry no row-level
    /// security, so the enterprise is compared explicitly.
    /// </summary>
    /// <exception cref="DomainRuleException">A person is not an account of the enterprise.</exception>
    public static async Task EnsurePersonsOfEnterpriseAsync(DualPreventionDbContext db, Guid enterpriseId, MajorHazardSourceDetails details, CancellationToken cancellationToken)
    {
        List<Guid> ids = [.. new[] { details.PrincipalResponsibleUserId, details.TechnicalResponsibleUserId, details.OperationalResponsibleUserId }
            .OfType<Guid>().Distinct()];
        if (ids.Count == 0)
        {
            return;
        }

        var found = await db.Users.CountAsync(u => ids.Contains(u.Id) && u.EnterpriseId == enterpriseId, cancellationToken);
        if (found != ids.Count)
        {
            throw new DomainRuleException(CoreText.Get("MajorHazard.Person.NotInEnterprise"));
        }
    }
}
