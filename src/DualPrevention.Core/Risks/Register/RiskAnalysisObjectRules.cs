using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>Rules of a risk analysis object that need the database.</summary>
internal static class RiskAnalysisObjectRules
{
    /// <summary>A linked major hazard source must be a live one of the same enterprise (the tenant filter sees no other).</summary>
    /// <exception cref="DomainRuleException">The source does not exist in the caller's enterprise.</exception>
    public static async Task EnsureMajorHazardSourceAsync(DualPreventionDbContext db, RiskAnalysisObjectDetails details, CancellationToken cancellationToken)
    {
        if (details.MajorHazardSourceId is { } sourceId && !await db.MajorHazardSources.AnyAsync(m => m.Id == sourceId, cancellationToken))
        {
            throw new DomainRuleException(CoreText.Get("Risk.Object.MajorHazardSourceUnknown"));
        }
    }
}
