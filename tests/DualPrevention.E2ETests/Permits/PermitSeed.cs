using DualPrevention.Core.Accounts;
using DualPrevention.Core.Permits;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.E2ETests.Permits;

/// <summary>Permits applied through the app's own use cases, with a registered crew (leader, certified welder and guardian).</summary>
internal static class PermitSeed
{
    public sealed record Crew(Guid Leader, Guid Worker, Guid Guardian, Guid WorkerCertificate, Guid GuardianCertificate);

    public static async Task<Crew> CrewAsync(DemoDatabase database, Guid enterpriseId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var now = database.Clock.GetUtcNow();
        var leader = Person.Register(enterpriseId, region, "负责人甲", PersonTypes.Employee, null, TrainingStatus.Trained, now);
        var worker = Person.Register(enterpriseId, region, "焊工丙", PersonTypes.Contractor, "承包商甲", TrainingStatus.Trained, now);
        worker.AddCertificate("焊接与热切割作业操作证", "T370200001", new DateOnly(2030, 12, 31));
        var guardian = Person.Register(enterpriseId, region, "监护人乙", PersonTypes.Employee, null, TrainingStatus.Trained, now);
        guardian.AddCertificate("监护人培训合格证", "G370200001", new DateOnly(2030, 12, 31));
        db.AddRange(leader, worker, guardian);
        await db.SaveChangesAsync();

        await LinkWorkLeaderAsync(db, enterpriseId, region, leader.Id);
        return new Crew(leader.Id, worker.Id, guardian.Id, worker.Certificates[0].Id, guardian.Certificates[0].Id);
    }

    /// <summary>
    /// Applies for a level-2 hot-work permit as the enterprise's admin: a numbered draft, or submitted (preparing) when
    /// asked; with <paramref name="leaderGuards"/> the guardian is also the work leader.
    /// </summary>
    public static async Task<(Guid Id, string Number)> ApplyHotWorkAsync(
        DemoDatabase database, IServiceProvider services, Guid enterpriseId, string userName, string workContent, bool submit = false,
        PermitDetails? details = null, WorkPointEntry? workPoint = null, bool leaderGuards = false)
    {
        var crew = await CrewAsync(database, enterpriseId);
        var actor = await ActorAsync(database, enterpriseId, userName);
        // The app's own clock: its steps check the planned period against it.
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var content = new WorkPermitContent(
            details ?? new HotWorkDetails("电焊", HotWorkGrade.Level2), "检修车间", workContent, "罐区北侧", true, "承包商甲", now, now.AddHours(6), "可燃气体泄漏、火花飞溅", null, null,
            [new(leaderGuards ? crew.Guardian : crew.Leader, PermitRole.WorkLeader, null), new(crew.Worker, PermitRole.Worker, crew.WorkerCertificate), new(crew.Guardian, PermitRole.Guardian, crew.GuardianCertificate)], workPoint);
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        var applied = await scope.ServiceProvider.GetRequiredService<ApplyForWorkPermit.Handler>().HandleAsync(actor, new(content), CancellationToken.None);
        if (submit)
        {
            await scope.ServiceProvider.GetRequiredService<SubmitWorkPermit.Handler>().HandleAsync(actor, new(applied.Id), CancellationToken.None);
        }

        return applied;
    }

    /// <summary>Runs a submitted hot-work permit through measures, briefing, gas test and the four signatures until its work has started.</summary>
    public static async Task StartAsync(DemoDatabase database, IServiceProvider services, Guid enterpriseId, string userName, Guid permitId)
    {
        var actor = await ActorAsync(database, enterpriseId, userName);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        var get = scope.ServiceProvider.GetRequiredService<GetWorkPermit.Handler>();
        var permit = await get.HandleAsync(permitId, CancellationToken.None);
        Guid Person(PermitRole role) => permit.People.First(p => p.Role == role).PersonId;
        foreach (var measure in permit.Measures)
        {
            await scope.ServiceProvider.GetRequiredService<ConfirmPermitMeasure.Handler>().HandleAsync(actor, new(permitId, measure.Id, true, Person(PermitRole.Guardian)), CancellationToken.None);
        }

        await scope.ServiceProvider.GetRequiredService<RecordSafetyBriefing.Handler>()
            .HandleAsync(actor, new(permitId, Person(PermitRole.WorkLeader), [Person(PermitRole.Worker), Person(PermitRole.Guardian)], "交底"), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<RecordGasTest.Handler>().HandleAsync(
            actor,
            new(permitId, new GasTestEntry(now.AddSeconds(-5), "动火点", new GasSample("甲烷", 5m, 0.1m, GasReadingUnit.PercentVolume, 20.9m, []), "分析员丁", "DET-7", new DateOnly(2030, 6, 30))),
            CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<SendWorkPermitForApproval.Handler>().HandleAsync(actor, new(permitId), CancellationToken.None);
        // Each step by an account that may sign it (ADR 0051), the check before ignition by the shift leader.
        while ((await get.HandleAsync(permitId, CancellationToken.None)).NextSigners is [var signer, ..])
        {
            var by = new Actor(TenantScope.ForEnterprise(enterpriseId, signer.UserId, signer.Name), new HashSet<string> { Roles.Inspector });
            await scope.ServiceProvider.GetRequiredService<SignWorkPermit.Handler>().HandleAsync(by, new(permitId, "同意"), CancellationToken.None);
        }

        var code = userName[..userName.LastIndexOf('-')];
        var shift = await ActorAsync(database, enterpriseId, $"{code}-shift");
        await scope.ServiceProvider.GetRequiredService<CheckWorkPermitByShiftLeader.Handler>().HandleAsync(shift, new(permitId), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<StartWork.Handler>().HandleAsync(actor, new(permitId, new WeatherConditions(3)), CancellationToken.None);
    }

    /// <summary>Makes the enterprise's work-leader account (&lt;code&gt;-leader) the person who leads <paramref name="permitId"/> (ADR 0051).</summary>
    public static async Task LinkWorkLeaderAsync(DemoDatabase database, Guid enterpriseId, Guid permitId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var leader = await db.Set<WorkPermit>().Where(p => p.Id == permitId).SelectMany(p => p.People).Where(p => p.Role == PermitRole.WorkLeader).Select(p => p.PersonId).SingleAsync();
        await LinkWorkLeaderAsync(db, enterpriseId, region, leader);
    }

    private static async Task LinkWorkLeaderAsync(DbContext db, Guid enterpriseId, string region, Guid personId)
    {
        var code = await db.Set<Core.Enterprises.Enterprise>().Where(e => e.Id == enterpriseId).Select(e => e.ShortCode).SingleAsync();
        var leaderAccount = await db.Set<ApplicationUser>().Where(u => u.UserName == $"{code}-leader").Select(u => u.Id).SingleAsync();
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM permit_signer WHERE user_id = @u AND person_id IS NOT NULL; " +
            "INSERT INTO permit_signer (id, enterprise_id, region_code, function, user_id, person_id) VALUES (gen_random_uuid(), @e, @r, 1, @u, @p)",
            new NpgsqlParameter("u", leaderAccount), new NpgsqlParameter("e", enterpriseId), new NpgsqlParameter("r", region), new NpgsqlParameter("p", personId));
    }

    /// <summary>A scaled plan of 3000 × 2000 px at 0.1 m per pixel (300 × 200 m) for the enterprise.</summary>
    public static async Task<Guid> PlanAsync(DemoDatabase database, IServiceProvider services, Guid enterpriseId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var plan = SitePlan.Create(enterpriseId, region, $"作业平面图-{Guid.NewGuid():N}"[..20], 3000, 2000,
            new PlanScale(0, 0, 0.1), services.GetRequiredService<TimeProvider>().GetUtcNow());
        db.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    private static async Task<Actor> ActorAsync(DemoDatabase database, Guid enterpriseId, string userName)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new Actor(TenantScope.ForEnterprise(enterpriseId, userId, userName), new HashSet<string> { Roles.EnterpriseAdmin });
    }
}
