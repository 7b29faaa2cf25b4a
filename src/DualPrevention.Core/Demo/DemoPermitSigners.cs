using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Permits;
using DualPrevention.Core.Positioning;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Demo;

/// <summary>
/// The demo's signing authority (ADR 0051): each demo enterprise has an account per signing function, so a new user
/// walks a permit through approval by signing in as each person in turn. The administrator is the safety department's
/// head (the approver of hot work L1, the plant's leader in charge and specialist department), &lt;code&gt;-safetydept the
/// safety officer (the safety department's opinion, review and countersigning), &lt;code&gt;-unit the owning unit,
/// &lt;code&gt;-shift the on-shift team leader, and &lt;code&gt;-leader the registry's 张伟, the work leader of the demo's permits.
/// </summary>
internal static class DemoPermitSigners
{
    /// <summary>
    /// The accounts beside the administrator: user-name suffix, title, role and the functions they sign as. They hold the
    /// inspector's role, which works on permits without the administrator's notifications and settings.
    /// </summary>
    public static readonly (string Suffix, string Title, string Role, PermitOrgRole[] Functions)[] Accounts =
    [
        ("leader", "作业负责人张伟", Roles.Inspector, []),
        ("unit", "车间主任", Roles.Inspector, [PermitOrgRole.Unit]),
        ("safetydept", "安全员", Roles.Inspector,
            [PermitOrgRole.SafetyDepartment, PermitOrgRole.ReviewingDepartment, PermitOrgRole.Countersigning, PermitOrgRole.FireAndSafetyDepartments]),
        ("shift", "当班班长", Roles.Inspector, [PermitOrgRole.ShiftLeader]),
    ];

    /// <summary>What the administrator signs as.</summary>
    private static readonly PermitOrgRole[] AdminFunctions =
    [
        PermitOrgRole.SafetyDepartment, PermitOrgRole.LeaderInCharge, PermitOrgRole.PlantManagerOrChiefEngineer, PermitOrgRole.SpecialistDepartment,
        PermitOrgRole.PowerSupplier,
    ];

    /// <summary>The registry employee the work leader's account is (<see cref="DemoPositioningRegistry"/>).</summary>
    private const string WorkLeaderName = "张伟";

    /// <summary>Grants the functions when the enterprise has no mapping yet.</summary>
    public static async Task GrantIfNoneAsync(DualPreventionDbContext db, Guid enterpriseId, string regionCode, string code, CancellationToken cancellationToken)
    {
        if (await db.Set<PermitSigner>().AnyAsync(s => s.EnterpriseId == enterpriseId, cancellationToken))
        {
            return;
        }

        var grants = Accounts.Select(a => (UserName: $"{code}-{a.Suffix}", a.Functions)).ToList();
        grants.Add((UserName: $"{code}-admin", Functions: AdminFunctions));
        var names = grants.Select(g => g.UserName).ToList();
        var users = await db.Users.Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.Id, cancellationToken);
        db.AddRange(grants.SelectMany(g => g.Functions.Select(f => PermitSigner.Of(enterpriseId, regionCode, f, users[g.UserName], null))));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Links &lt;code&gt;-leader to the registry's 张伟 once the registry is there and the account has no person.</summary>
    public static async Task LinkWorkLeaderAsync(DualPreventionDbContext db, string code, CancellationToken cancellationToken)
    {
        var userName = $"{code}-leader";
        var user = await db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.EnterpriseId }).SingleOrDefaultAsync(cancellationToken);
        if (user?.EnterpriseId is not { } enterpriseId || await db.Set<PermitSigner>().AnyAsync(s => s.UserId == user.Id && s.PersonId != null, cancellationToken))
        {
            return;
        }

        var person = await db.Set<Person>().Where(p => p.EnterpriseId == enterpriseId && p.Name == WorkLeaderName)
            .Select(p => new { p.Id, p.RegionCode }).FirstOrDefaultAsync(cancellationToken);
        if (person is null || await db.Set<PermitSigner>().AnyAsync(s => s.PersonId == person.Id, cancellationToken))
        {
            return;
        }

        db.Add(PermitSigner.Of(enterpriseId, person.RegionCode, PermitOrgRole.WorkLeader, user.Id, person.Id));
        await db.SaveChangesAsync(cancellationToken);
    }
}
