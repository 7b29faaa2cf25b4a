using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Risks.Register;

/// <summary>The choices of the register page's filters: the enterprise's objects and every department named in its register.</summary>
public static class GetRiskRegisterFilterOptions
{
    public sealed record ObjectChoice(Guid Id, string HazardCode, string Name);

    /// <param name="Departments">Distinct departments of objects, units and measures, sorted.</param>
    public sealed record Options(IReadOnlyList<ObjectChoice> Objects, IReadOnlyList<string> Departments);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory)
    {
        /// <param name="enterpriseId">Required for regulators; enterprise users read their own.</param>
        /// <exception cref="DomainRuleException">A regulator named no enterprise.</exception>
        /// <exception cref="NotFoundException">The enterprise is outside the caller's scope.</exception>
        public async Task<Options> HandleAsync(Guid? enterpriseId, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var id = await RegisterOwner.ResolveAsync(db, enterpriseId, cancellationToken);
            var objects = await db.RiskAnalysisObjects.AsNoTracking()
                .Where(o => o.EnterpriseId == id)
                .OrderBy(o => o.HazardCode)
                .Select(o => new ObjectChoice(o.Id, o.HazardCode, o.Name))
                .ToListAsync(cancellationToken);
            var departments = await db.RiskAnalysisObjects.Where(o => o.EnterpriseId == id && o.Department != null).Select(o => o.Department!)
                .Union(db.RiskAnalysisUnits.Where(u => u.EnterpriseId == id && u.Department != null).Select(u => u.Department!))
                .Union(db.ControlMeasures.Where(m => m.EnterpriseId == id && m.ResponsibleDepartment != null).Select(m => m.ResponsibleDepartment!))
                .OrderBy(d => d)
                .ToListAsync(cancellationToken);
            return new Options(objects, departments);
        }
    }
}
