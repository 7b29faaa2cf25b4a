using DualPrevention.Core.Data;
using DualPrevention.Core.MajorHazards;
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
/// — and links the object to it, so the object's 包保 tasks go to those persons; then describes its unit (the spheres'
/// LPG, people around) and grades it by GB 18218-2018, so the first start shows a calculated level (ADR 0047).
/// Every demo enterprise imports the same sample, so each source gets its own registration code: its county's code and
/// the sample's number (<see cref="RegistrationCode"/>). Skipped when the enterprise has a source already.
/// </summary>
internal static class DemoMajorHazards
{
    /// <summary>
    /// The tank farm's LPG, design maximum in tonnes (four 1,000 m³ spheres): with 100 or more people within 500 m (α 2)
    /// and LPG's Q 50 t and β 1.5, S = 40 and R = 2 × 1.5 × 40 = 120, 一级 (GB 18218-2018 Table 6).
    /// </summary>
    public const decimal TankFarmLpgTonnes = 2000m;

    /// <summary>People within 500 m outside the boundary: a village across the road.</summary>
    public const int TankFarmPopulation = 260;

    /// <summary>R of the tank farm as graded from <see cref="TankFarmLpgTonnes"/>.</summary>
    public const decimal TankFarmRValue = 120m;

    /// <summary>Table 1's row of liquefied petroleum gas.</summary>
    private const int LpgTableRow = 52;

    /// <summary>The 包保 persons' accounts: user-name suffix, title in the display name and the task type they own.</summary>
    public static readonly (string Suffix, string Title, InspectionTaskType TaskType)[] Persons =
    [
        ("principal", "主要负责人", InspectionTaskType.PrincipalResponsible),
        ("technical", "技术负责人", InspectionTaskType.TechnicalResponsible),
        ("operator", "操作负责人", InspectionTaskType.OperationalResponsible),
    ];

    /// <summary>
    /// The code of an enterprise's source in the registration system (docs/domain/dual-prevention.md#37-major-hazard-source):
    /// the sample's 370211001 is 黄岛区 (370211) and number 001; an enterprise elsewhere registers under its own county.
    /// </summary>
    public static string RegistrationCode(string countyCode, string sampleCode) =>
        sampleCode.Length > 6 && sampleCode.All(char.IsAsciiDigit) ? countyCode + sampleCode[6..] : sampleCode;

    /// <summary>The user name of an enterprise's person of a 包保 role.</summary>
    public static string UserName(string enterpriseCode, InspectionTaskType taskType) =>
        $"{enterpriseCode}-{Persons.Single(p => p.TaskType == taskType).Suffix}";

    /// <returns>Whether a source was registered.</returns>
    public static async Task<bool> RegisterIfNoneAsync(IServiceScopeFactory scopes, Guid enterpriseId, string enterpriseCode, string adminUserName, CancellationToken cancellationToken)
    {
        await using var scope = DemoImports.AdminScope(scopes, enterpriseId, adminUserName, out var actor);
        RiskAnalysisObject? tankFarm;
        Dictionary<string, Guid> persons;
        string countyCode;
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await db.MajorHazardSources.AnyAsync(cancellationToken))
            {
                return false;
            }

            tankFarm = await db.RiskAnalysisObjects.AsNoTracking().Where(o => o.ObjectType == RiskObjectType.MajorHazardSource)
                .OrderBy(o => o.HazardCode).FirstOrDefaultAsync(cancellationToken);
            countyCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync(cancellationToken);
            List<string> names = [.. Persons.Select(p => $"{enterpriseCode}-{p.Suffix}")];
            persons = await db.Users.Where(u => u.EnterpriseId == enterpriseId && names.Contains(u.UserName!))
                .ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        }

        if (tankFarm is null)
        {
            return false;
        }

        Guid? Person(InspectionTaskType taskType) => persons.TryGetValue(UserName(enterpriseCode, taskType), out var id) ? id : null;
        var code = RegistrationCode(countyCode, tankFarm.HazardCode);
        var details = new MajorHazardSourceDetails(
            code, tankFarm.Name, MajorHazardLevel.Level1, TankFarmRValue,
            Person(InspectionTaskType.PrincipalResponsible), Person(InspectionTaskType.TechnicalResponsible), Person(InspectionTaskType.OperationalResponsible));
        var sourceId = await scope.ServiceProvider.GetRequiredService<CreateMajorHazardSource.Handler>()
            .HandleAsync(actor, new CreateMajorHazardSource.Command(details), cancellationToken);
        await scope.ServiceProvider.GetRequiredService<UpdateRiskAnalysisObject.Handler>()
            .HandleAsync(actor, new UpdateRiskAnalysisObject.Command(tankFarm.Id, tankFarm.ToDetails() with { HazardCode = code, MajorHazardSourceId = sourceId }), cancellationToken);
        await GradeAsync(scope.ServiceProvider, actor, sourceId, cancellationToken);
        return true;
    }

    private static async Task GradeAsync(IServiceProvider services, Accounts.Actor actor, Guid sourceId, CancellationToken cancellationToken)
    {
        Guid lpg;
        await using (var db = await services.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            lpg = await db.HazardousChemicals.Where(c => c.TableRow == LpgTableRow).Select(c => c.Id).SingleAsync(cancellationToken);
        }

        await services.GetRequiredService<DescribeMajorHazardUnit.Handler>().HandleAsync(
            actor, new DescribeMajorHazardUnit.Command(sourceId, MajorHazardUnitType.Storage, TankFarmPopulation, [new SubstanceLine(lpg, TankFarmLpgTonnes)]), cancellationToken);
        await services.GetRequiredService<GradeMajorHazardSource.Handler>().HandleAsync(actor, new GradeMajorHazardSource.Command(sourceId), cancellationToken);
    }
}
