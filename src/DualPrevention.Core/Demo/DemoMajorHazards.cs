using DualPrevention.Core.Data;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.MajorHazards;
using DualPrevention.Core.Risks.Register;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core.Demo;

/// <summary>
/// The demo's major hazard sources (docs/domain/dual-prevention.md#37-major-hazard-source): where a demo register names
/// an analysis object of type 重大危险源 (the sample's LPG sphere tank farm, a 一级 source), the administrator registers
/// it through the real handlers with its 包保 trio — the demo accounts &lt;code&gt;-principal, -technical and -operator
/// — and links the object to it, so the object's 包保 tasks go to those persons. Skipped when the enterprise has a
/// source already.
/// </summary>
internal static class DemoMajorHazards
{
    /// <summary>R of the sample's tank farm: 一级 since R ≥ 100 (GB 18218-2018 Table 6).</summary>
    public const decimal TankFarmRValue = 118.6m;

    /// <summary>The 包保 persons' accounts: user-name suffix, title in the display name and the task type they own.</summary>
    public static readonly (string Suffix, string Title, InspectionTaskType TaskType)[] Persons =
    [
        ("principal", "主要负责人", InspectionTaskType.PrincipalResponsible),
        ("technical", "技术负责人", InspectionTaskType.TechnicalResponsible),
        ("operator", "操作负责人", InspectionTaskType.OperationalResponsible),
    ];

    /// <summary>The user name of an enterprise's person of a 包保 role.</summary>
    public static string UserName(string enterpriseCode, InspectionTaskType taskType) =>
        $"{enterpriseCode}-{Persons.Single(p => p.TaskType == taskType).Suffix}";

    /// <returns>Whether a source was registered.</returns>
    public static async Task<bool> RegisterIfNoneAsync(IServiceScopeFactory scopes, Guid enterpriseId, string enterpriseCode, string adminUserName, CancellationToken cancellationToken)
    {
        await using var scope = DemoImports.AdminScope(scopes, enterpriseId, adminUserName, out var actor);
        RiskAnalysisObject? tankFarm;
        Dictionary<string, Guid> persons;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await db.MajorHazardSources.AnyAsync(cancellationToken))
            {
                return false;
            }

            tankFarm = await db.RiskAnalysisObjects.AsNoTracking().Where(o => o.ObjectType == RiskObjectType.MajorHazardSource)
                .OrderBy(o => o.HazardCode).FirstOrDefaultAsync(cancellationToken);
            List<string> names = [.. Persons.Select(p => $"{enterpriseCode}-{p.Suffix}")];
            persons = await db.Users.Where(u => u.EnterpriseId == enterpriseId && names.Contains(u.UserName!))
                .ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        }

        if (tankFarm is null)
        {
            return false;
        }

        Guid? Person(InspectionTaskType taskType) => persons.TryGetValue(UserName(enterpriseCode, taskType), out var id) ? id : null;
        var details = new MajorHazardSourceDetails(
            tankFarm.HazardCode, tankFarm.Name, MajorHazardLevel.Level1, TankFarmRValue,
            Person(InspectionTaskType.PrincipalResponsible), Person(InspectionTaskType.TechnicalResponsible), Person(InspectionTaskType.OperationalResponsible));
        var sourceId = await scope.ServiceProvider.GetRequiredService<CreateMajorHazardSource.Handler>()
            .HandleAsync(actor, new CreateMajorHazardSource.Command(details), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<UpdateRiskAnalysisObject.Handler>()
            .HandleAsync(actor, new UpdateRiskAnalysisObject.Command(tankFarm.Id, tankFarm.ToDetails() with { MajorHazardSourceId = sourceId }), cancellationToken);
        return true;
    }
}
