using DualPrevention.Core.Accounts;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core.Demo;

/// <summary>
/// Demo data for a first look: two chemical parks, enterprises demo-qd1 and demo-qd2 (Qingdao) and demo-wf1 (Weifang),
/// and the accounts admin, province, qingdao, weifang and &lt;code&gt;-admin / &lt;code&gt;-inspector, with the 包保 trio
/// &lt;code&gt;-principal / -technical / -operator (<see cref="DemoMajorHazards"/>), and the permit signers
/// &lt;code&gt;-leader / -unit / -safetydept / -shift with the signing authority (<see cref="DemoPermitSigners"/>). Optionally
/// demo-qd1 gets the sample risk-control list (src/DualPrevention.Core/Demo/README.md), imported through the real
/// importer. Idempotent: existing rows and passwords are kept, and a register that has any object is left alone. Demo
/// accounts are exempt from the forced password change.
/// </summary>
public sealed class SeedDemoData(IServiceScopeFactory scopes, TimeProvider clock)
{
    private static readonly (string Code, string Name, string CreditCode, string County, string Park, EnterpriseKinds Kinds, bool Major)[] Enterprises =
    [
        ("demo-qd1", "青岛示范石化有限公司", "91370211MA3QD00018", "370211", "青岛董家口化工产业园", EnterpriseKinds.Production | EnterpriseKinds.Storage, true),
        ("demo-qd2", "青岛示范化工储运有限公司", "91370214MA3QD0002N", "370214", "", EnterpriseKinds.Storage | EnterpriseKinds.Trading, false),
        ("demo-wf1", "潍坊示范化学有限公司", "91370772MA3WF00017", "370772", "潍坊滨海经济技术开发区化工产业园", EnterpriseKinds.Production | EnterpriseKinds.Use, true),
    ];

    private static readonly (string UserName, string DisplayName, string Role, string Region)[] Regulators =
    [
        ("admin", "平台管理员", Roles.Admin, "370000"),
        ("province", "省厅工作人员", Roles.ProvinceStaff, "370000"),
        ("qingdao", "青岛市应急局审核员", Roles.CityReviewer, "370200"),
        ("weifang", "潍坊市应急局审核员", Roles.CityReviewer, "370700"),
    ];

    /// <summary>Creates what is missing and returns every demo login.</summary>
    /// <param name="password">The password given to accounts this run creates (≥ 8 characters, 3 classes).</param>
    /// <param name="withSampleRiskRegister">Import the sample risk-control list into demo-qd1 when its register is empty.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<IReadOnlyList<DemoAccount>> RunAsync(string password, bool withSampleRiskRegister, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var logins = new List<DemoAccount>();
        await using var work = AccountUnitOfWork.Begin(scopes, TenantScope.System);
        var db = work.Db;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (userName, displayName, role, region) in Regulators)
        {
            await EnsureAccountAsync(work, userName, displayName, role, null, region, password, now);
            logins.Add(new DemoAccount(userName, role, region));
        }

        foreach (var spec in Enterprises)
        {
            var enterprise = await db.Enterprises.FirstOrDefaultAsync(e => e.ShortCode == spec.Code, cancellationToken);
            if (enterprise is null)
            {
                var parkId = spec.Park.Length == 0 ? (Guid?)null : await EnsureParkAsync(db, spec.Park, spec.County, cancellationToken);
                enterprise = Enterprise.Register(spec.Code, new EnterpriseDetails
                {
                    Name = spec.Name,
                    UnifiedSocialCreditCode = spec.CreditCode,
                    RegionCode = spec.County,
                    ChemicalParkId = parkId,
                    Kinds = spec.Kinds,
                    Address = $"{spec.Name}厂区",
                    PrincipalName = "张总",
                    PrincipalPhone = "0532-80000000",
                    IsMajorHazardEnterprise = spec.Major,
                }, now);
                db.Enterprises.Add(enterprise);
                await db.SaveChangesAsync(cancellationToken);
            }

            await EnsureAccountAsync(work, $"{spec.Code}-admin", $"{spec.Name[..2]}企业管理员", Roles.EnterpriseAdmin, enterprise.Id, null, password, now);
            await EnsureAccountAsync(work, $"{spec.Code}-inspector", $"{spec.Name[..2]}巡检员", Roles.Inspector, enterprise.Id, null, password, now);
            logins.Add(new DemoAccount($"{spec.Code}-admin", Roles.EnterpriseAdmin, spec.Name));
            logins.Add(new DemoAccount($"{spec.Code}-inspector", Roles.Inspector, spec.Name));
            // The 包保 trio holds the inspector role: they check their windows, and the managers' notifications stay the administrator's.
            foreach (var (suffix, title, _) in DemoMajorHazards.Persons)
            {
                await EnsureAccountAsync(work, $"{spec.Code}-{suffix}", $"{spec.Name[..2]}{title}", Roles.Inspector, enterprise.Id, null, password, now);
                logins.Add(new DemoAccount($"{spec.Code}-{suffix}", Roles.Inspector, spec.Name));
            }

            // One account per signing function, so a permit is walked through approval by different people (ADR 0051).
            foreach (var (suffix, title, role, _) in DemoPermitSigners.Accounts)
            {
                await EnsureAccountAsync(work, $"{spec.Code}-{suffix}", $"{spec.Name[..2]}{title}", role, enterprise.Id, null, password, now);
                logins.Add(new DemoAccount($"{spec.Code}-{suffix}", role, spec.Name));
            }

            await DemoPermitSigners.GrantIfNoneAsync(db, enterprise.Id, enterprise.RegionCode, spec.Code, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        if (withSampleRiskRegister)
        {
            var qd1 = await db.Enterprises.Where(e => e.ShortCode == "demo-qd1").Select(e => e.Id).SingleAsync(cancellationToken);
            await DemoImports.ImportRiskRegisterIfEmptyAsync(scopes, qd1, "demo-qd1-admin", cancellationToken);
        }

        return logins;
    }

    private static async Task EnsureAccountAsync(
        AccountUnitOfWork work, string userName, string displayName, string role, Guid? enterpriseId, string? region, string password, DateTimeOffset now)
    {
        if (await work.Users.FindByNameAsync(userName) is null)
        {
            await AccountCreation.CreateAsync(
                work.Users, new NewAccount { UserName = userName, DisplayName = displayName, InitialPassword = password },
                role, enterpriseId, region, mustChangePassword: false, now);
        }
    }

    private static async Task<Guid> EnsureParkAsync(Data.DualPreventionDbContext db, string name, string county, CancellationToken cancellationToken)
    {
        var park = await db.ChemicalParks.FirstOrDefaultAsync(p => p.Name == name, cancellationToken);
        if (park is null)
        {
            park = new ChemicalPark(Guid.CreateVersion7(), name, county);
            db.ChemicalParks.Add(park);
            await db.SaveChangesAsync(cancellationToken);
        }

        return park.Id;
    }
}
