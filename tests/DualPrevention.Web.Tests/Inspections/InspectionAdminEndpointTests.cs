using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Inspections;

public class InspectionAdminEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    /// <summary>2026-11-30 00:00 Asia/Shanghai, a Monday.</summary>
    private static readonly DateTimeOffset MondayMidnight = new(2026, 11, 29, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_enterprise_admin_lists_and_plans_a_definition_and_another_enterprise_gets_404_or_nothing()
    {
        var (_, definition) = await TaskAsync("API计划");
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var wf1 = await web.ApiClientAsync("demo-wf1-admin");

        var list = await qd1.GetFromJsonAsync<JsonElement>("/api/v1/inspections/definitions?search=API计划&sort=content&descending=true");
        var plan = await qd1.PutAsJsonAsync($"/api/v1/inspections/definitions/{definition}/plan", new { firstStartLocal = "2026-11-30T08:00:00", source = "Seasonal", assigneePost = "巡检岗" });
        var foreignPlan = await wf1.PutAsJsonAsync($"/api/v1/inspections/definitions/{definition}/plan", new { firstStartLocal = "2026-11-30T08:00:00", source = "Routine" });
        var foreignList = await wf1.GetFromJsonAsync<JsonElement>("/api/v1/inspections/definitions?search=API计划");
        var after = await qd1.GetFromJsonAsync<JsonElement>("/api/v1/inspections/definitions?search=API计划");
        var assignees = await qd1.GetFromJsonAsync<JsonElement>("/api/v1/inspections/assignees");

        list.GetProperty("totalCount").GetInt32().ShouldBe(1);
        list.GetProperty("items")[0].GetProperty("unitName").GetString().ShouldBe("API计划");
        plan.StatusCode.ShouldBe(HttpStatusCode.OK);
        foreignPlan.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        foreignList.GetProperty("totalCount").GetInt32().ShouldBe(0);
        var row = after.GetProperty("items")[0];
        row.GetProperty("assigneePost").GetString().ShouldBe("巡检岗");
        row.GetProperty("source").GetString().ShouldBe("Seasonal");
        assignees.GetProperty("posts").EnumerateArray().Select(p => p.GetString()).ShouldContain("巡检岗");
    }

    [Fact]
    public async Task A_plan_naming_both_a_person_and_a_post_answers_a_validation_problem_and_an_inspector_403()
    {
        var (_, definition) = await TaskAsync("API拒绝");
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");

        var both = await qd1.PutAsJsonAsync($"/api/v1/inspections/definitions/{definition}/plan",
            new { firstStartLocal = "2026-11-30T08:00:00", source = "Routine", assigneeUserId = Guid.NewGuid(), assigneePost = "岗" });
        var badSort = await qd1.GetAsync("/api/v1/inspections/definitions?sort=colour");
        var forbidden = await inspector.PutAsJsonAsync($"/api/v1/inspections/definitions/{definition}/plan", new { firstStartLocal = "2026-11-30T08:00:00", source = "Routine" });

        both.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        both.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await both.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("AssigneePost", out _).ShouldBeTrue();
        badSort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badSort.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sort", out _).ShouldBeTrue();
        forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Deactivation_records_are_created_edited_listed_and_deleted_and_stay_out_of_another_enterprises_reach()
    {
        var (unit, _) = await TaskAsync("API停用");
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var wf1 = await web.ApiClientAsync("demo-wf1-admin");
        var path = $"/api/v1/risk-register/units/{unit}/deactivations";
        var body = new { startLocal = "2026-11-29T00:00:00", endLocal = "2026-12-02T00:00:00", reason = "大修" };

        var created = await qd1.PostAsJsonAsync(path, body);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var edited = await qd1.PutAsJsonAsync($"{path}/{id}", body with { reason = "年度大修" });
        var list = await qd1.GetFromJsonAsync<JsonElement>(path);
        var backwards = await qd1.PostAsJsonAsync(path, new { startLocal = "2026-12-02T00:00:00", endLocal = "2026-12-01T00:00:00", reason = "x" });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        edited.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        list.GetProperty("records")[0].GetProperty("reason").GetString().ShouldBe("年度大修");
        backwards.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await backwards.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("EndLocal", out _).ShouldBeTrue();
        (await wf1.GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.PostAsJsonAsync(path, body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.PutAsJsonAsync($"{path}/{id}", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await wf1.DeleteAsync($"{path}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.DeleteAsync($"{path}/{id}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await qd1.GetFromJsonAsync<JsonElement>(path)).GetProperty("records").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task Everyone_reads_the_holiday_calendar_and_only_the_province_edits_it()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");
        var province = await web.ApiClientAsync("province");
        var enterpriseAdmin = await web.ApiClientAsync("demo-qd1-admin");

        var year = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/holiday-calendar?year=2026");
        var added = await province.PostAsJsonAsync("/api/v1/holiday-calendar", new { date = "2030-01-01", kind = "Holiday", name = "元旦" });
        var duplicate = await province.PostAsJsonAsync("/api/v1/holiday-calendar", new { date = "2030-01-01", kind = "Holiday", name = "元旦" });
        var weekday = await province.PostAsJsonAsync("/api/v1/holiday-calendar", new { date = "2030-01-02", kind = "AdjustedWorkingDay", name = "调休" });
        var renamed = await province.PutAsJsonAsync("/api/v1/holiday-calendar/2030-01-01", new { date = "2030-01-01", kind = "Holiday", name = "新年" });
        var refused = await enterpriseAdmin.PostAsJsonAsync("/api/v1/holiday-calendar", new { date = "2030-01-03", kind = "Holiday", name = "企业假" });
        var deleted = await province.DeleteAsync("/api/v1/holiday-calendar/2030-01-01");

        year.GetProperty("days").GetArrayLength().ShouldBeGreaterThan(20);
        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        weekday.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await weekday.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Kind", out _).ShouldBeTrue();
        renamed.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await province.DeleteAsync("/api/v1/holiday-calendar/2030-01-01")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_board_and_accountability_completion_count_own_windows_and_another_enterprise_gets_404_or_nothing()
    {
        var (unit, _) = await TaskAsync("API看板");
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var wf1 = await web.ApiClientAsync("demo-wf1-admin");
        var reviewer = await web.ApiClientAsync("qingdao");
        var query = $"period=week&date=2026-12-02&groupBy=unit&unitId={unit}";

        var board = await qd1.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/board?{query}");
        var regulator = await reviewer.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/board?{query}&enterpriseId={web.Qd1}");
        var foreign = await wf1.GetFromJsonAsync<JsonElement>($"/api/v1/inspections/board?{query}");
        var foreignNamed = await wf1.GetAsync($"/api/v1/inspections/board?{query}&enterpriseId={web.Qd1}");
        var badPeriod = await qd1.GetAsync("/api/v1/inspections/board?period=month");
        var badDate = await qd1.GetAsync("/api/v1/inspections/board?date=30.11.2026");
        var roles = await qd1.GetFromJsonAsync<JsonElement>("/api/v1/inspections/accountability-completion?period=day&date=2026-11-30");

        board.GetProperty("from").GetString().ShouldBe("2026-11-30");
        var group = board.GetProperty("groups").GetProperty("items")[0];
        group.GetProperty("name").GetString().ShouldBe("API看板");
        group.GetProperty("due").GetInt32().ShouldBeGreaterThan(0);
        regulator.GetProperty("totals").GetProperty("due").GetInt32().ShouldBe(group.GetProperty("due").GetInt32());
        foreign.GetProperty("groups").GetProperty("totalCount").GetInt32().ShouldBe(0);
        foreignNamed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        badPeriod.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badPeriod.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("period", out _).ShouldBeTrue();
        badDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        roles.GetProperty("roles").GetArrayLength().ShouldBe(3);
        (await (await web.ApiClientAsync("demo-wf1-admin")).GetAsync($"/api/v1/inspections/accountability-completion?enterpriseId={web.Qd1}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_enterprise_admin_sets_a_members_department_and_post_and_another_enterprises_admin_gets_404()
    {
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var wf1 = await web.ApiClientAsync("demo-wf1-admin");
        var inspectorId = (await qd1.GetFromJsonAsync<JsonElement>("/api/v1/accounts?search=demo-qd1-inspector")).GetProperty("items")[0].GetProperty("id").GetGuid();

        var set = await qd1.PutAsJsonAsync($"/api/v1/accounts/{inspectorId}/profile", new { department = "一车间", post = "巡检岗" });
        var foreign = await wf1.PutAsJsonAsync($"/api/v1/accounts/{inspectorId}/profile", new { department = "劫持" });
        var tooLong = await qd1.PutAsJsonAsync($"/api/v1/accounts/{inspectorId}/profile", new { post = new string('岗', 101) });
        var row = (await qd1.GetFromJsonAsync<JsonElement>("/api/v1/accounts?search=demo-qd1-inspector")).GetProperty("items")[0];

        set.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (row.GetProperty("department").GetString(), row.GetProperty("post").GetString()).ShouldBe(("一车间", "巡检岗"));
    }

    [Fact]
    public async Task The_pages_render_for_their_readers_and_turn_others_away()
    {
        var admin = await web.CookieClientAsync("demo-qd1-admin");
        var province = await web.CookieClientAsync("province");
        var reviewer = await web.CookieClientAsync("qingdao");
        var (unit, _) = await TaskAsync("API页面");

        (await admin.GetStringAsync("/inspection-tasks")).ShouldContain("排查任务");
        (await admin.GetStringAsync("/inspection-board")).ShouldContain("任务看板");
        (await admin.GetStringAsync($"/risk-register/units/{unit}/deactivations")).ShouldContain("停用检修");
        (await province.GetStringAsync("/admin/holiday-calendar")).ShouldContain("节假日日历");
        (await reviewer.GetAsync($"/enterprises/{web.Qd1}/inspection-board")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reviewer.GetAsync($"/enterprises/{web.Wf1}/inspection-board")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await web.CookieClientAsync("demo-wf1-admin")).GetAsync($"/risk-register/units/{unit}/deactivations")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await reviewer.GetAsync("/inspection-tasks")).Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    /// <summary>A Qd1 unit named <paramref name="name"/> with one daily manual measure and its Monday window.</summary>
    private async Task<(Guid Unit, Guid Definition)> TaskAsync(string name)
    {
        web.Clock.SetUtcNow(MondayMidnight);
        var register = await (await HandBuiltRegister.ForAsync(web, web.Qd1)).AnalysisObject($"W-{name}", name).Unit(name).Event("泄漏", "火灾", l: 2, s: 3)
            .Measure($"{name}措施").SaveAsync();
        await using (var services = web.CreateServices())
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            await scope.ServiceProvider.GetRequiredService<GenerateInspectionTasks.Handler>()
                .HandleAsync(new GenerateInspectionTasks.Command([web.Qd1]), null, CancellationToken.None);
        }

        await using var db = web.OwnerContext(TenantScope.System);
        var unit = register.Units[name];
        return (unit, await db.InspectionTaskDefinitions.Where(d => d.UnitId == unit).Select(d => d.Id).SingleAsync());
    }
}
