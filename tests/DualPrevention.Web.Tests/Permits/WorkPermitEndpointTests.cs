using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Web.Tests.Permits;

/// <summary>
/// <c>/api/v1/permits</c> (ADR 0045): the whole process of a hot-work permit over HTTP; a malformed field answers 400
/// naming it, a step the permit's state refuses 409 with its reasons; another enterprise finds nothing (404) and the own
/// region's regulator reads but acts on nothing.
/// </summary>
public class WorkPermitEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static readonly string[] ReviewAndCountersign = ["ReviewingDepartment", "Countersigning"];
    private static readonly string[] WorkLeaderFunction = ["WorkLeader"];
    private static readonly string[] UnitFunction = ["Unit"];

    [Fact]
    public async Task A_hot_work_permit_runs_its_whole_process_through_the_API()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var permit = await StartedAsync(admin, await CrewAsync(web.Qd1), "更换法兰垫片");

        await OkAsync(admin.PostAsJsonAsync($"/api/v1/permits/{permit}/suspend", new { reason = "监护人离开" }));
        await OkAsync(admin.PostAsJsonAsync($"/api/v1/permits/{permit}/resume", new { reconfirmed = true }));
        await OkAsync(admin.PostAsync($"/api/v1/permits/{permit}/finish", null));
        await OkAsync(admin.PostAsJsonAsync($"/api/v1/permits/{permit}/accept", new { siteRestored = true, notes = "现场已清理" }));

        var details = await GetAsync(admin, permit);
        details.GetProperty("status").GetString().ShouldBe("Closed");
        details.GetProperty("typeDetails").GetProperty("kind").GetString().ShouldBe("HotWork");
        details.GetProperty("timeline").EnumerateArray().Last().GetProperty("action").GetString().ShouldBe("Accepted");
        var listed = await admin.GetFromJsonAsync<JsonElement>("/api/v1/permits?type=HotWork&status=Closed&search=法兰垫片&pageSize=200");
        listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(permit);
    }

    [Fact]
    public async Task A_refused_step_answers_409_with_its_reasons_and_a_missing_field_or_details_kind_400_naming_it()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var crew = await CrewAsync(web.Qd1);
        var permit = await ApplyAsync(admin, crew);

        var start = await admin.PostAsync($"/api/v1/permits/{permit}/start", null);
        var noReason = await admin.PostAsJsonAsync($"/api/v1/permits/{permit}/suspend", new { reason = "" });
        var noContent = await admin.PostAsJsonAsync("/api/v1/permits", new { content = Content(crew, "") });
        var noKind = await admin.PostAsync("/api/v1/permits", new StringContent("""{"content":{"details":{"method":"电焊"}}}""", System.Text.Encoding.UTF8, "application/json"));

        start.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await start.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reasons")[0].GetProperty("key").GetString().ShouldBe("Permit.NotAllowedInStatus");
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("Reason");
        noContent.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noContent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("Content.WorkContent");
        noKind.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("content.details");
    }

    [Fact]
    public async Task A_work_point_with_its_fence_is_set_and_read_through_the_API_and_another_enterprises_plan_is_refused()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var crew = await CrewAsync(web.Qd1);
        var plan = await PlanAsync(web.Qd1);
        var othersPlan = await PlanAsync(web.Qd2);

        var created = await admin.PostAsJsonAsync("/api/v1/permits", new { content = Content(crew, "更换法兰垫片", new { sitePlanId = plan, x = 120.5, y = 80, fenceRadiusMeters = 10 }) });
        var foreign = await admin.PostAsJsonAsync("/api/v1/permits", new { content = Content(crew, "更换法兰垫片", new { sitePlanId = othersPlan, x = 120.5, y = 80, fenceRadiusMeters = 10 }) });
        var noFence = await admin.PostAsJsonAsync("/api/v1/permits", new { content = Content(crew, "更换法兰垫片", new { sitePlanId = plan, x = 120.5, y = 80 }) });

        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var point = (await GetAsync(admin, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid())).GetProperty("workPoint");
        (point.GetProperty("sitePlanId").GetGuid(), point.GetProperty("x").GetDouble(), point.GetProperty("fenceRadiusMeters").GetDouble()).ShouldBe((plan, 120.5, 10d));
        point.GetProperty("fence").GetArrayLength().ShouldBe(32);
        foreign.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noFence.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noFence.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldContain("Content.WorkPoint.FenceRadiusMeters");
    }

    [Theory]
    [InlineData("demo-qd2-admin")]
    [InlineData("weifang")]
    public async Task Another_tenant_finds_no_permit_on_any_endpoint(string userName)
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var crew = await CrewAsync(web.Qd1);
        var permit = await ApplyAsync(admin, crew);
        var stranger = await web.ApiClientAsync(userName);

        (await stranger.GetAsync($"/api/v1/permits/{permit}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/permits/{permit}/simultaneous-operations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/permits/board")).GetProperty("permits").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldNotContain(permit);
        var list = await stranger.GetFromJsonAsync<JsonElement>("/api/v1/permits?pageSize=200");
        list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldNotContain(permit);
        if (userName == "demo-qd2-admin")
        {
            foreach (var step in new[] { "submit", "send-for-approval", "shift-leader-check", "finish" })
            {
                (await stranger.PostAsync($"/api/v1/permits/{permit}/{step}", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound, step);
            }

            (await stranger.PostAsJsonAsync($"/api/v1/permits/{permit}/suspend", new { reason = "暂停" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.PostAsJsonAsync($"/api/v1/permits/{permit}/cancel", new { reason = "取消" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.PostAsJsonAsync($"/api/v1/permits/{permit}/sign", new { opinion = "同意" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.PutAsJsonAsync($"/api/v1/permits/{permit}", Content(crew, "改"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await stranger.PostAsJsonAsync($"/api/v1/permits/{permit}/simultaneous-operations/confirm", new { rule = "HotWorkNearBlindPlate", otherPermitId = permit, personId = crew.Guardian }))
                .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        else
        {
            (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/permits/{permit}/simultaneous-operations")).GetArrayLength().ShouldBe(0);
            await OkAsync(admin.PostAsync($"/api/v1/permits/{permit}/submit", null));
            (await admin.GetFromJsonAsync<JsonElement>("/api/v1/permits/board")).GetProperty("permits").EnumerateArray().Select(p => p.GetProperty("id").GetGuid()).ShouldContain(permit);
        }
    }

    [Fact]
    public async Task The_own_regions_regulator_reads_a_permit_but_acting_on_it_is_forbidden()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var permit = await ApplyAsync(admin, await CrewAsync(web.Qd1));
        var regulator = await web.ApiClientAsync("qingdao");

        (await regulator.GetAsync($"/api/v1/permits/{permit}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await regulator.PostAsync($"/api/v1/permits/{permit}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_regulators_view_counts_the_regions_permits_and_drills_into_them_and_another_city_sees_none_of_them()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var permit = await StartedAsync(admin, await CrewAsync(web.Qd1), "监管视图测试动火");
        var qingdao = await web.ApiClientAsync("qingdao");
        var province = await web.ApiClientAsync("province");
        var weifang = await web.ApiClientAsync("weifang");

        var view = await qingdao.GetFromJsonAsync<JsonElement>("/api/v1/permits/supervision?pageSize=200");
        var row = view.GetProperty("enterprises").GetProperty("items").EnumerateArray().Single(e => e.GetProperty("enterpriseId").GetGuid() == web.Qd1);
        var figures = row.GetProperty("figures");
        figures.GetProperty("inProgress").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        figures.GetProperty("total").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        figures.GetProperty("byType").GetProperty("HotWork").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        view.GetProperty("totals").GetProperty("inProgress").GetInt32().ShouldBeGreaterThanOrEqualTo(figures.GetProperty("inProgress").GetInt32());
        view.GetProperty("breakdown").EnumerateArray()
            .ShouldContain(b => b.GetProperty("type").GetString() == "HotWork" && b.GetProperty("grade").GetString() == "HotWorkGrade.Level2" && b.GetProperty("status").GetString() == "InProgress");
        view.GetProperty("regionCode").GetString().ShouldBe("370200");
        var inProgress = await qingdao.GetFromJsonAsync<JsonElement>($"/api/v1/permits/supervision/permits?figure=InProgress&enterpriseId={web.Qd1}&pageSize=200");
        var listed = inProgress.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == permit);
        listed.GetProperty("enterpriseName").GetString().ShouldNotBeNullOrEmpty();
        (await province.GetFromJsonAsync<JsonElement>("/api/v1/permits/supervision/permits?figure=InProgress&type=HotWork&pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).ShouldContain(permit);

        (await weifang.GetFromJsonAsync<JsonElement>("/api/v1/permits/supervision?pageSize=200")).GetProperty("enterprises").GetProperty("items").EnumerateArray()
            .Select(e => e.GetProperty("enterpriseId").GetGuid()).ShouldNotContain(web.Qd1);
        (await weifang.GetFromJsonAsync<JsonElement>("/api/v1/permits/supervision/permits?figure=InProgress&pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("id").GetGuid()).ShouldNotContain(permit);
        (await weifang.GetAsync("/api/v1/permits/supervision?region=370200")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await weifang.GetAsync($"/api/v1/permits/supervision/permits?region=370200&enterpriseId={web.Qd1}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/api/v1/permits/supervision")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var malformed = await qingdao.GetAsync("/api/v1/permits/supervision?region=37&from=2026-12-31&to=2026-01-01");
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await malformed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["Region", "To"], ignoreOrder: true);
    }

    [Fact]
    public async Task A_city_bureaus_spot_check_finding_becomes_the_enterprises_hidden_danger_and_another_city_finds_no_permit_to_check()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var permit = await StartedAsync(admin, await CrewAsync(web.Qd1), "在线抽查测试动火");
        var draft = await ApplyAsync(admin, await CrewAsync(web.Qd1));
        var qingdao = await web.ApiClientAsync("qingdao");

        var weifang = await (await web.ApiClientAsync("weifang")).PostAsJsonAsync($"/api/v1/permits/{permit}/spot-checks", new { finding = "监护人不在现场", level = "General" });
        var province = await (await web.ApiClientAsync("province")).PostAsJsonAsync($"/api/v1/permits/{permit}/spot-checks", new { finding = "监护人不在现场", level = "General" });
        var notInProgress = await qingdao.PostAsJsonAsync($"/api/v1/permits/{draft}/spot-checks", new { finding = "监护人不在现场", level = "General" });
        var noFinding = await qingdao.PostAsJsonAsync($"/api/v1/permits/{permit}/spot-checks", new { finding = "", level = "Major" });
        var found = await qingdao.PostAsJsonAsync($"/api/v1/permits/{permit}/spot-checks", new { finding = "动火点周围可燃物未清理", level = "General" });

        weifang.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        province.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        notInProgress.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        noFinding.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noFinding.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["Finding", "MajorReason"], ignoreOrder: true);
        found.StatusCode.ShouldBe(HttpStatusCode.Created, await found.Content.ReadAsStringAsync());
        var hiddenDanger = (await found.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var ledger = await admin.GetFromJsonAsync<JsonElement>("/api/v1/hidden-dangers?search=可燃物未清理&pageSize=200");
        ledger.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(hiddenDanger);
        var detail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/hidden-dangers/{hiddenDanger}");
        detail.GetProperty("origin").GetString().ShouldBe("RegulatorInspection");
        var findings = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/permits/{permit}/spot-checks");
        findings.EnumerateArray().Select(f => f.GetProperty("hiddenDangerId").GetGuid()).ShouldBe([hiddenDanger]);
        (await (await web.ApiClientAsync("weifang")).GetAsync($"/api/v1/permits/{permit}/spot-checks")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var db = web.OwnerContext(TenantScope.System);
        (await db.AuditEntries.CountAsync(e => e.EntityId == hiddenDanger.ToString() && e.EntityType == "HiddenDanger")).ShouldBeGreaterThanOrEqualTo(1);
    }

    private sealed record Crew(Guid Leader, Guid Worker, Guid Guardian, Guid WorkerCertificate, Guid GuardianCertificate);

    private static async Task OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        response.IsSuccessStatusCode.ShouldBeTrue(await response.Content.ReadAsStringAsync());
    }

    private static Task<JsonElement> GetAsync(HttpClient client, Guid permit) => client.GetFromJsonAsync<JsonElement>($"/api/v1/permits/{permit}");

    /// <summary>A level 2 hot work run through the API until its work has started.</summary>
    private async Task<Guid> StartedAsync(HttpClient admin, Crew crew, string workContent)
    {
        var created = await admin.PostAsJsonAsync("/api/v1/permits", new { content = Content(crew, workContent) });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var permit = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await OkAsync(admin.PostAsync($"/api/v1/permits/{permit}/submit", null));
        foreach (var measure in (await GetAsync(admin, permit)).GetProperty("measures").EnumerateArray())
        {
            await OkAsync(admin.PostAsJsonAsync($"/api/v1/permits/{permit}/measures/{measure.GetProperty("id").GetGuid()}/confirm", new { applicable = true, personId = crew.Guardian }));
        }

        await OkAsync(admin.PostAsJsonAsync($"/api/v1/permits/{permit}/briefing", new { briefedByPersonId = crew.Leader, briefedPersonIds = new[] { crew.Worker, crew.Guardian }, content = "交底" }));
        var gas = await admin.PostAsJsonAsync($"/api/v1/permits/{permit}/gas-tests", Gas(DateTimeOffset.UtcNow.AddSeconds(-5)));
        (await gas.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("passed").GetBoolean().ShouldBeTrue();
        await OkAsync(admin.PostAsync($"/api/v1/permits/{permit}/send-for-approval", null));
        // Level 2: the work leader, the owning unit, the safety department, the unit again as the approver (ADR 0051).
        foreach (var signer in new[] { "leader", "unit", "safetydept", "unit" })
        {
            var client = await web.ApiClientAsync($"demo-qd1-{signer}");
            await OkAsync(client.PostAsJsonAsync($"/api/v1/permits/{permit}/sign", new { opinion = "同意" }));
        }

        await OkAsync((await web.ApiClientAsync("demo-qd1-shift")).PostAsync($"/api/v1/permits/{permit}/shift-leader-check", null));
        await OkAsync(admin.PostAsJsonAsync($"/api/v1/permits/{permit}/start", new { weather = new { windForce = 3 } }));
        return permit;
    }

    private static async Task<Guid> ApplyAsync(HttpClient client, Crew crew)
    {
        var created = await client.PostAsJsonAsync("/api/v1/permits", new { content = Content(crew, "更换法兰垫片") });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static object Content(Crew crew, string workContent, object? workPoint = null) => new
    {
        workPoint,
        details = new { kind = "HotWork", method = "电焊", grade = "Level2" },
        applicantUnit = "检修车间",
        workContent,
        locationText = "罐区北侧",
        outdoor = true,
        contractor = "承包商甲",
        plannedStart = DateTimeOffset.UtcNow.AddSeconds(-5),
        plannedEnd = DateTimeOffset.UtcNow.AddSeconds(-5).AddHours(6),
        hazardAnalysisResult = "可燃气体泄漏、火花飞溅",
        people = new object[]
        {
            new { personId = crew.Leader, role = "WorkLeader" },
            new { personId = crew.Worker, role = "Worker", certificateId = crew.WorkerCertificate },
            new { personId = crew.Guardian, role = "Guardian", certificateId = crew.GuardianCertificate },
        },
    };

    private static object Gas(DateTimeOffset sampledAt) => new
    {
        sampledAt,
        point = "动火点",
        sample = new { representativeGas = "甲烷", lowerExplosiveLimit = 5m, flammableValue = 8m, unit = "PercentLel", oxygen = 20.9m, toxic = Array.Empty<object>() },
        analyst = "分析员丁",
        detectorId = "DET-7",
        detectorCalibrationDueOn = "2030-06-30",
    };

    /// <summary>A scaled plan of 300 × 200 m for the enterprise.</summary>
    private async Task<Guid> PlanAsync(Guid enterpriseId)
    {
        await using var db = web.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var plan = SitePlan.Create(enterpriseId, region, $"作业平面图-{Guid.NewGuid():N}"[..20], 3000, 2000, new PlanScale(0, 0, 0.1), DateTimeOffset.UtcNow);
        db.Add(plan);
        await db.SaveChangesAsync();
        return plan.Id;
    }

    private async Task<Crew> CrewAsync(Guid enterpriseId)
    {
        await using var db = web.OwnerContext(TenantScope.System);
        var region = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var now = DateTimeOffset.UtcNow.AddSeconds(-5);
        var leader = Person.Register(enterpriseId, region, "负责人甲", PersonTypes.Employee, null, TrainingStatus.Trained, now);
        var worker = Person.Register(enterpriseId, region, "焊工丙", PersonTypes.Contractor, "承包商甲", TrainingStatus.Trained, now);
        worker.AddCertificate("焊接与热切割作业操作证", "T370200001", new DateOnly(2030, 12, 31));
        var guardian = Person.Register(enterpriseId, region, "监护人乙", PersonTypes.Employee, null, TrainingStatus.Trained, now);
        guardian.AddCertificate("监护人培训合格证", "G370200001", new DateOnly(2030, 12, 31));
        db.AddRange(leader, worker, guardian);
        await db.SaveChangesAsync();

        // The enterprise's work-leader account is this crew's leader, set by its administrator (ADR 0051).
        var code = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.ShortCode).SingleAsync();
        var leaderAccount = await db.Users.Where(u => u.UserName == $"{code}-leader").Select(u => u.Id).SingleAsync();
        var admin = await web.ApiClientAsync($"{code}-admin");
        await OkAsync(admin.PutAsJsonAsync($"/api/v1/permits/signers/{leaderAccount}", new { functions = Array.Empty<string>(), personId = leader.Id }));
        return new Crew(leader.Id, worker.Id, guardian.Id, worker.Certificates[0].Id, guardian.Certificates[0].Id);
    }

    [Fact]
    public async Task Signing_authority_is_read_and_set_by_the_enterprises_administrator_audited_and_another_enterprise_gets_404_or_403()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        await using var db = web.OwnerContext(TenantScope.System);
        var inspector = await db.Users.Where(u => u.UserName == "demo-qd1-inspector").Select(u => u.Id).SingleAsync();

        await OkAsync(admin.PutAsJsonAsync($"/api/v1/permits/signers/{inspector}", new { functions = ReviewAndCountersign }));
        var page = await admin.GetFromJsonAsync<JsonElement>("/api/v1/permits/signers?pageSize=100");
        var row = page.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("userName").GetString() == "demo-qd1-inspector");
        row.GetProperty("functions").EnumerateArray().Select(f => f.GetString()).ShouldBe(["ReviewingDepartment", "Countersigning"]);
        page.GetProperty("items").EnumerateArray().ShouldAllBe(r => r.GetProperty("userName").GetString()!.StartsWith("demo-qd1-"));
        (await db.AuditEntries.CountAsync(a => a.EntityType == "PermitSigner" && a.EnterpriseId == web.Qd1)).ShouldBeGreaterThanOrEqualTo(2);
        var leaderAsFunction = await admin.PutAsJsonAsync($"/api/v1/permits/signers/{inspector}", new { functions = WorkLeaderFunction });
        leaderAsFunction.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        var stranger = await web.ApiClientAsync("demo-qd2-admin");
        (await stranger.PutAsJsonAsync($"/api/v1/permits/signers/{inspector}", new { functions = UnitFunction })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetFromJsonAsync<JsonElement>("/api/v1/permits/signers?pageSize=100")).GetProperty("items").EnumerateArray()
            .ShouldAllBe(r => r.GetProperty("userName").GetString()!.StartsWith("demo-qd2-"));
        var ownInspector = await web.ApiClientAsync("demo-qd1-inspector");
        (await ownInspector.GetAsync("/api/v1/permits/signers")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await ownInspector.PutAsJsonAsync($"/api/v1/permits/signers/{inspector}", new { functions = UnitFunction })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var city = await web.ApiClientAsync("qingdao");
        (await city.GetAsync("/api/v1/permits/signers")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await OkAsync(admin.PutAsJsonAsync($"/api/v1/permits/signers/{inspector}", new { functions = Array.Empty<string>() }));
    }

    [Fact]
    public async Task A_signature_by_an_account_without_the_function_answers_409_naming_it()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var crew = await CrewAsync(web.Qd1);
        var permit = await ApplyAsync(admin, crew);
        await OkAsync(admin.PostAsync($"/api/v1/permits/{permit}/submit", null));
        foreach (var measure in (await GetAsync(admin, permit)).GetProperty("measures").EnumerateArray())
        {
            await OkAsync(admin.PostAsJsonAsync($"/api/v1/permits/{permit}/measures/{measure.GetProperty("id").GetGuid()}/confirm", new { applicable = true, personId = crew.Guardian }));
        }

        await OkAsync(admin.PostAsJsonAsync($"/api/v1/permits/{permit}/briefing", new { briefedByPersonId = crew.Leader, briefedPersonIds = new[] { crew.Worker, crew.Guardian }, content = "交底" }));
        await OkAsync(admin.PostAsJsonAsync($"/api/v1/permits/{permit}/gas-tests", Gas(DateTimeOffset.UtcNow.AddSeconds(-5))));
        await OkAsync(admin.PostAsync($"/api/v1/permits/{permit}/send-for-approval", null));

        var byAdmin = await admin.PostAsJsonAsync($"/api/v1/permits/{permit}/sign", new { opinion = "同意" });
        await OkAsync((await web.ApiClientAsync("demo-qd1-leader")).PostAsJsonAsync($"/api/v1/permits/{permit}/sign", new { opinion = "同意" }));
        var bySafety = await (await web.ApiClientAsync("demo-qd1-safetydept")).PostAsJsonAsync($"/api/v1/permits/{permit}/sign", new { opinion = "同意" });

        byAdmin.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await byAdmin.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reasons")[0].GetProperty("key").GetString().ShouldBe("Permit.Sign.OnlyTheWorkLeader");
        bySafety.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await bySafety.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reasons")[0].GetProperty("key").GetString().ShouldBe("Permit.Sign.FunctionNotHeld");
        var next = (await GetAsync(admin, permit)).GetProperty("nextSigners").EnumerateArray().Select(s => s.GetProperty("name").GetString()).ToList();
        next.ShouldBe(["青岛车间主任"]);
    }
}
