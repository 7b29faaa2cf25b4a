using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Permits;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DualPrevention.IntegrationTests.Permits;

/// <summary>
/// Work permits on PostgreSQL (ADR 0045): the whole process through the use cases with its timeline, every step refused
/// from a wrong state with its reason, numbers unique per enterprise and day under concurrency, content frozen after
/// the draft by the database itself, append-only logs, void and re-issue, expiry, and another enterprise seeing none of it.
/// </summary>
public partial class WorkPermitTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly DateOnly CertificatesValid = new(2030, 12, 31);

    [Fact]
    public async Task A_hot_work_permit_runs_from_application_to_acceptance_and_its_timeline_names_each_step()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);
        var now = database.Clock.GetUtcNow();

        var (id, number) = await ApplyAsync(services, actor, crew, new HotWorkDetails("电焊", HotWorkGrade.Level1));
        await PrepareAsync(services, actor, crew, id);
        await RunAsync<SendWorkPermitForApproval.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default));
        await SignAllAsync(services, actor, id);
        var shift = await AccountActorAsync(database.Qd1, "demo-qd1-shift");
        await RunAsync<CheckWorkPermitByShiftLeader.Handler>(services, shift, h => h.HandleAsync(shift, new(id), default));
        database.Clock.Advance(TimeSpan.FromMinutes(5));
        await RunAsync<StartWork.Handler>(services, actor, h => h.HandleAsync(actor, new(id, new WeatherConditions(3)), default));
        await RunAsync<SuspendWork.Handler>(services, actor, h => h.HandleAsync(actor, new(id, "监护人离开"), default));
        await RunAsync<ResumeWork.Handler>(services, actor, h => h.HandleAsync(actor, new(id, true), default));
        await RunAsync<FinishWork.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default));
        await RunAsync<AcceptWork.Handler>(services, actor, h => h.HandleAsync(actor, new(id, true, "现场已清理"), default));

        number.ShouldBe($"DH-{BusinessTime.LocalDate(now):yyyyMMdd}-{number[^3..]}");
        var details = await GetAsync(services, actor, id);
        (details.Status, details.Grade, details.TypeDetails, details.ValidUntil).ShouldBe((WorkPermitStatus.Closed, "HotWorkGrade.Level1", new HotWorkDetails("电焊", HotWorkGrade.Level1), now.AddHours(6)));
        details.Measures.ShouldAllBe(m => m.ConfirmedByName == "监护人乙" && m.Clause != null);
        details.Measures.Count.ShouldBe(SeedPermitMeasureTemplates.For(SpecialOperationType.HotWork).Count());
        details.Approvals.Select(a => a.SignedByName).ShouldBe(["青岛作业负责人张伟", "青岛车间主任", "青岛企业管理员", "青岛安全员"]);
        details.Approvals.ShouldAllBe(a => a.SignedAt == now);
        details.Timeline.Select(s => s.Action).ShouldBe([
            WorkPermitAction.Created, WorkPermitAction.Submitted, .. details.Measures.Select(_ => WorkPermitAction.MeasureConfirmed),
            WorkPermitAction.BriefingRecorded, WorkPermitAction.GasTestRecorded, WorkPermitAction.SentForApproval,
            WorkPermitAction.StepSigned, WorkPermitAction.StepSigned, WorkPermitAction.StepSigned, WorkPermitAction.Approved,
            WorkPermitAction.ShiftLeaderChecked, WorkPermitAction.Started, WorkPermitAction.Suspended, WorkPermitAction.Resumed,
            WorkPermitAction.Finished, WorkPermitAction.Accepted]);
        details.Timeline.Where(s => s.Action is not (WorkPermitAction.StepSigned or WorkPermitAction.Approved or WorkPermitAction.ShiftLeaderChecked))
            .ShouldAllBe(s => s.ByName == "青岛企业管理员");
        details.AllowedActions.ShouldBeEmpty();
    }

    [Fact]
    public async Task Every_step_is_refused_from_a_wrong_state_with_its_reason_and_nothing_changes()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);
        var (id, _) = await ApplyAsync(services, actor, crew, new ConfinedSpaceDetails("T-101", "苯", "苯", "苯"));

        Func<Task>[] refused =
        [
            () => RunAsync<SendWorkPermitForApproval.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default)),
            () => RunAsync<SignWorkPermit.Handler>(services, actor, h => h.HandleAsync(actor, new(id, null), default)),
            () => RunAsync<RejectWorkPermit.Handler>(services, actor, h => h.HandleAsync(actor, new(id, "退回"), default)),
            () => RunAsync<CheckWorkPermitByShiftLeader.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default)),
            () => RunAsync<StartWork.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default)),
            () => RunAsync<SuspendWork.Handler>(services, actor, h => h.HandleAsync(actor, new(id, "暂停"), default)),
            () => RunAsync<ResumeWork.Handler>(services, actor, h => h.HandleAsync(actor, new(id, true), default)),
            () => RunAsync<FinishWork.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default)),
            () => RunAsync<AcceptWork.Handler>(services, actor, h => h.HandleAsync(actor, new(id, true, null), default)),
            () => RunAsync<RevokeWorkPermit.Handler>(services, actor, h => h.HandleAsync(actor, new(id, "收回"), default)),
            () => RunAsync<RecordSafetyBriefing.Handler>(services, actor, h => h.HandleAsync(actor, new(id, crew.Leader, [crew.Worker, crew.Guardian], "交底"), default)),
            () => RunAsync<VoidAndReissueWorkPermit.Handler, (Guid, string)>(services, actor, h => h.HandleAsync(actor, new(id, "作废", Content(crew, new ConfinedSpaceDetails("T-101", null, null, null))), default)),
        ];
        foreach (var step in refused)
        {
            (await Should.ThrowAsync<PermitRefusedException>(step)).Refusals.Single().Key.ShouldBe("Permit.NotAllowedInStatus");
        }

        await RunAsync<SubmitWorkPermit.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default));
        var unprepared = await Should.ThrowAsync<PermitRefusedException>(() => RunAsync<SendWorkPermitForApproval.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default)));
        unprepared.Refusals.Select(r => r.Key).ShouldBe(["Permit.MeasuresUnconfirmed", "Permit.BriefingRequired", "Permit.Gas.PassingTestRequired"]);
        var details = await GetAsync(services, actor, id);
        (details.Status, details.Timeline.Count).ShouldBe((WorkPermitStatus.Preparing, 2));
    }

    [Fact]
    public async Task A_draft_with_an_expired_guardian_certificate_is_not_submitted_GB30871_4_10()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1, guardianExpires: BusinessTime.LocalDate(database.Clock.GetUtcNow()).AddDays(-1));
        var (id, _) = await ApplyAsync(services, actor, crew, new HotWorkDetails("气割", HotWorkGrade.Level2));

        var refused = await Should.ThrowAsync<PermitRefusedException>(() => RunAsync<SubmitWorkPermit.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default)));

        refused.Refusals.Select(r => r.Key).ShouldBe(["Permit.People.CertificateExpired"]);
    }

    [Fact]
    public async Task Concurrent_applications_take_distinct_consecutive_numbers_per_type_and_day()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd2, "demo-qd2-admin");
        var crew = await CrewAsync(database.Qd2);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => ApplyAsync(services, actor, crew, new RoadBreakDetails("二车间", "管廊检修"))));

        var day = BusinessTime.LocalDate(database.Clock.GetUtcNow());
        numbers.Select(n => n.Number).Order().ShouldBe(Enumerable.Range(1, 6).Select(i => $"DL-{day:yyyyMMdd}-{i:000}"));
    }

    [Fact]
    public async Task A_permit_past_the_draft_cannot_be_altered_even_by_SQL_and_its_logs_are_append_only_GB30871_4_18()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);
        var (draft, _) = await ApplyAsync(services, actor, crew, new HotWorkDetails("电焊", HotWorkGrade.Level2));
        var (submitted, _) = await ApplyAsync(services, actor, crew, new HotWorkDetails("电焊", HotWorkGrade.Level2));
        await RunAsync<SubmitWorkPermit.Handler>(services, actor, h => h.HandleAsync(actor, new(submitted), default));
        await RunAsync<RecordGasTest.Handler, RecordGasTest.Result>(services, actor, h => h.HandleAsync(actor, new(submitted, Gas(database.Clock.GetUtcNow())), default));

        await SqlAsync($"UPDATE work_permit SET work_content = '改过的内容' WHERE id = '{draft}'");
        foreach (var sql in new[]
        {
            $"UPDATE work_permit SET work_content = '改过的内容' WHERE id = '{submitted}'",
            $"UPDATE work_permit SET details = details || jsonb_build_object('method', '气割') WHERE id = '{submitted}'",
            $"DELETE FROM permit_person WHERE permit_id = '{submitted}'",
            $"UPDATE permit_measure SET text = '别的措施' WHERE permit_id = '{submitted}'",
            $"UPDATE gas_test SET passed = false WHERE permit_id = '{submitted}'",
            $"UPDATE work_permit_event SET by_name = '别人' WHERE permit_id = '{submitted}'",
            $"DELETE FROM work_permit_event WHERE permit_id = '{submitted}'",
        })
        {
            (await Should.ThrowAsync<PostgresException>(() => SqlAsync(sql), sql)).SqlState.ShouldBe(PostgresErrorCodes.CheckViolation);
        }

        var edited = await Should.ThrowAsync<PermitRefusedException>(() => RunAsync<EditWorkPermitDraft.Handler>(services, actor,
            h => h.HandleAsync(actor, new(submitted, Content(crew, new HotWorkDetails("气割", HotWorkGrade.Level2))), default)));
        edited.Refusals.Single().Key.ShouldBe("Permit.NotAllowedInStatus");
        (await GetAsync(services, actor, draft)).WorkContent.ShouldBe("改过的内容");
        (await GetAsync(services, actor, submitted)).WorkContent.ShouldBe("更换法兰垫片");
    }

    [Fact]
    public async Task A_signed_permit_is_voided_and_reissued_as_a_new_draft_linked_to_it_GB30871_4_18()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);
        var (id, number) = await ApplyAsync(services, actor, crew, new BlindPlateDetails(BlindPlateAction.Insert, "P-101", "氢气", 40m, 0.1m, "不锈钢", "DN100", "MB-01"));
        await PrepareAsync(services, actor, crew, id, gas: false);
        await RunAsync<SendWorkPermitForApproval.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default));
        await SignNextAsync(services, actor, id);

        var (newId, newNumber) = await RunAsync<VoidAndReissueWorkPermit.Handler, (Guid, string)>(services, actor, h => h.HandleAsync(actor,
            new(id, "盲板编号写错", Content(crew, new BlindPlateDetails(BlindPlateAction.Insert, "P-101", "氢气", 40m, 0.1m, "不锈钢", "DN100", "MB-02"))), default));

        var old = await GetAsync(services, actor, id);
        var replacement = await GetAsync(services, actor, newId);
        (old.Status, old.EndReason, old.ReplacedByPermitId).ShouldBe((WorkPermitStatus.Voided, "盲板编号写错", newId));
        (replacement.Status, replacement.ReplacesPermitId, ((BlindPlateDetails)replacement.TypeDetails).PlateNumber).ShouldBe((WorkPermitStatus.Draft, id, "MB-02"));
        newNumber.ShouldNotBe(number);
    }

    [Fact]
    public async Task The_expiry_job_expires_open_permits_past_their_deadline_and_logs_it_as_the_platform()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);
        var (id, _) = await ApplyAsync(services, actor, crew, new WorkAtHeightDetails(12m, [1]));
        var system = new Actor(TenantScope.System, new HashSet<string>());

        var early = await RunAsync<ExpireWorkPermits.Handler, int>(services, system, h => h.HandleAsync(default));
        database.Clock.Advance(TimeSpan.FromHours(7));
        var expired = await RunAsync<ExpireWorkPermits.Handler, int>(services, system, h => h.HandleAsync(default));
        var again = await RunAsync<ExpireWorkPermits.Handler, int>(services, system, h => h.HandleAsync(default));

        var details = await GetAsync(services, actor, id);
        (details.Status, details.Grade).ShouldBe((WorkPermitStatus.Expired, "HeightClass.III"));
        details.Timeline[^1].ShouldSatisfyAllConditions(s => s.Action.ShouldBe(WorkPermitAction.Expired), s => s.At.ShouldBe(database.Clock.GetUtcNow()));
        (early, again).ShouldBe((0, 0));
        expired.ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task Another_enterprise_sees_none_of_a_permit_neither_through_the_use_cases_nor_row_level_security()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var other = await AccountActorAsync(database.Qd2, "demo-qd2-admin");
        var crew = await CrewAsync(database.Qd1);
        var (id, _) = await ApplyAsync(services, actor, crew, new LiftingDetails("换热器", 120m, "吊带"));

        await Should.ThrowAsync<NotFoundException>(() => GetAsync(services, other, id));
        await Should.ThrowAsync<NotFoundException>(() => RunAsync<SubmitWorkPermit.Handler>(services, other, h => h.HandleAsync(other, new(id), default)));
        var listed = await RunAsync<ListWorkPermits.Handler, Paged<ListWorkPermits.Row>>(services, other, h => h.HandleAsync(new(null, null, null, ListWorkPermits.Sort.AppliedNewestFirst, 1, 200), default));
        listed.Items.ShouldNotContain(r => r.Id == id);
        await Should.ThrowAsync<DomainRuleException>(() => ApplyAsync(services, other, crew, new LiftingDetails("换热器", 12m, null)));

        await using var db = database.AppContext(TenantScope.ForEnterprise(database.Qd2, Guid.NewGuid(), "qd2"));
        foreach (var table in new[] { "work_permit", "permit_person", "permit_measure", "work_permit_event" })
        {
            var sql = $"SELECT count(*)::int AS \"Value\" FROM {table} WHERE {(table == "work_permit" ? "id" : "permit_id")} = @id";
            (await db.Database.SqlQueryRaw<int>(sql, new NpgsqlParameter("id", id)).SingleAsync()).ShouldBe(0, table);
        }
    }

    [Fact]
    public async Task An_application_without_content_is_refused_naming_the_field_and_a_regulator_may_not_apply()
    {
        await using var services = database.CreateServices();
        var actor = await AccountActorAsync(database.Qd1, "demo-qd1-admin");
        var crew = await CrewAsync(database.Qd1);

        var refused = await Should.ThrowAsync<ValidationException>(() => RunAsync<ApplyForWorkPermit.Handler, (Guid, string)>(services, actor,
            h => h.HandleAsync(actor, new(Content(crew, new HotWorkDetails("电焊", HotWorkGrade.Level2)) with { WorkContent = "" }), default)));
        refused.Errors.ShouldHaveSingleItem().PropertyName.ShouldBe("Content.WorkContent");
        var city = new Actor(TenantScope.ForRegion("370200", Guid.NewGuid(), "qingdao"), new HashSet<string> { Roles.CityReviewer });
        await Should.ThrowAsync<DomainRuleException>(() => ApplyAsync(services, city, crew, new HotWorkDetails("电焊", HotWorkGrade.Level2)));
    }

    internal sealed record Crew(Guid Leader, Guid Worker, Guid Guardian, Guid WorkerCertificate, Guid GuardianCertificate);

    private async Task<Crew> CrewAsync(Guid enterpriseId, DateOnly? guardianExpires = null)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var now = database.Clock.GetUtcNow();
        var leader = Person.Register(enterpriseId, region, "负责人甲", PersonTypes.Employee, null, TrainingStatus.Trained, now);
        var worker = Person.Register(enterpriseId, region, "焊工丙", PersonTypes.Contractor, "承包商甲", TrainingStatus.Trained, now);
        worker.AddCertificate("焊接与热切割作业操作证", "T370200001", CertificatesValid);
        var guardian = Person.Register(enterpriseId, region, "监护人乙", PersonTypes.Employee, null, TrainingStatus.Trained, now);
        guardian.AddCertificate("监护人培训合格证", "G370200001", guardianExpires ?? CertificatesValid);
        db.AddRange(leader, worker, guardian);
        await db.SaveChangesAsync();

        // The enterprise's work-leader account is this crew's leader (ADR 0051).
        var code = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.ShortCode).SingleAsync();
        var leaderAccount = await db.Users.Where(u => u.UserName == $"{code}-leader").Select(u => u.Id).SingleAsync();
        await db.Database.ExecuteSqlRawAsync(
            "DELETE FROM permit_signer WHERE user_id = @u AND person_id IS NOT NULL; " +
            "INSERT INTO permit_signer (id, enterprise_id, region_code, function, user_id, person_id) VALUES (gen_random_uuid(), @e, @r, 1, @u, @p)",
            new NpgsqlParameter("u", leaderAccount), new NpgsqlParameter("e", enterpriseId), new NpgsqlParameter("r", region), new NpgsqlParameter("p", leader.Id));
        return new Crew(leader.Id, worker.Id, guardian.Id, worker.Certificates[0].Id, guardian.Certificates[0].Id);
    }

    private WorkPermitContent Content(Crew crew, PermitDetails details) => new(
        details, "检修车间", "更换法兰垫片", "罐区北侧", true, "承包商甲",
        database.Clock.GetUtcNow(), database.Clock.GetUtcNow().AddHours(6), "可燃气体泄漏、火花飞溅", null, null,
        [new(crew.Leader, PermitRole.WorkLeader, null), new(crew.Worker, PermitRole.Worker, crew.WorkerCertificate), new(crew.Guardian, PermitRole.Guardian, crew.GuardianCertificate)]);

    private static GasTestEntry Gas(DateTimeOffset sampledAt) =>
        new(sampledAt, "动火点", new GasSample("甲烷", 5m, 8m, GasReadingUnit.PercentLel, 20.9m, []), "分析员丁", "DET-7", new DateOnly(2030, 6, 30), Continuous: true);

    private Task<(Guid Id, string Number)> ApplyAsync(ServiceProvider services, Actor actor, Crew crew, PermitDetails details) =>
        RunAsync<ApplyForWorkPermit.Handler, (Guid, string)>(services, actor, h => h.HandleAsync(actor, new(Content(crew, details)), default));

    private async Task PrepareAsync(ServiceProvider services, Actor actor, Crew crew, Guid id, bool gas = true)
    {
        await RunAsync<SubmitWorkPermit.Handler>(services, actor, h => h.HandleAsync(actor, new(id), default));
        foreach (var measure in (await GetAsync(services, actor, id)).Measures)
        {
            await RunAsync<ConfirmPermitMeasure.Handler>(services, actor, h => h.HandleAsync(actor, new(id, measure.Id, true, crew.Guardian), default));
        }

        await RunAsync<RecordSafetyBriefing.Handler>(services, actor, h => h.HandleAsync(actor, new(id, crew.Leader, [crew.Worker, crew.Guardian], "交底：动火点周围易燃物已清除"), default));
        if (gas)
        {
            var result = await RunAsync<RecordGasTest.Handler, RecordGasTest.Result>(services, actor, h => h.HandleAsync(actor, new(id, Gas(database.Clock.GetUtcNow())), default));
            result.Passed.ShouldBeTrue();
        }
    }

    /// <summary>Signs the next step as the first account the permit names for it (ADR 0051).</summary>
    private static async Task SignNextAsync(ServiceProvider services, Actor reader, Guid id, string? opinion = "同意")
    {
        var signer = (await GetAsync(services, reader, id)).NextSigners[0];
        var actor = new Actor(TenantScope.ForEnterprise(reader.Scope.EnterpriseId!.Value, signer.UserId, signer.Name), new HashSet<string> { Roles.Inspector });
        await RunAsync<SignWorkPermit.Handler>(services, actor, h => h.HandleAsync(actor, new(id, opinion), default));
    }

    /// <summary>Signs until <paramref name="left"/> steps are left, each by an account that may.</summary>
    private static async Task SignAllAsync(ServiceProvider services, Actor reader, Guid id, int left = 0)
    {
        while ((await GetAsync(services, reader, id)).Approvals.Count(a => a.SignedAt is null) > left)
        {
            await SignNextAsync(services, reader, id);
        }
    }

    private static Task<GetWorkPermit.Details> GetAsync(ServiceProvider services, Actor actor, Guid id) =>
        RunAsync<GetWorkPermit.Handler, GetWorkPermit.Details>(services, actor, h => h.HandleAsync(id, default));

    private async Task SqlAsync(string sql)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<Actor> AccountActorAsync(Guid enterpriseId, string userName)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var userId = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
        return new Actor(TenantScope.ForEnterprise(enterpriseId, userId, userName), new HashSet<string> { Roles.EnterpriseAdmin });
    }

    private static async Task<TResult> RunAsync<THandler, TResult>(ServiceProvider services, Actor actor, Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private static async Task RunAsync<THandler>(ServiceProvider services, Actor actor, Func<THandler, Task> call)
        where THandler : notnull
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
