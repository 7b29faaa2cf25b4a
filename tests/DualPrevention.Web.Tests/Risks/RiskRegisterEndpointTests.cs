using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace DualPrevention.Web.Tests.Risks;

public class RiskRegisterEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Register = "/api/v1/risk-register";

    [Fact]
    public async Task An_enterprise_admin_builds_a_tree_and_reads_it_back_with_the_computed_levels()
    {
        var client = await web.ApiClientAsync("demo-qd1-admin");

        var measure = await CreateTreeAsync(client, "API-TREE", l: 3, s: 5);
        var tree = await client.GetFromJsonAsync<JsonElement>($"{Register}/tree?search=API-TREE");

        tree.GetProperty("totalRows").GetInt32().ShouldBe(1);
        var node = tree.GetProperty("objects")[0];
        node.GetProperty("level").GetString().ShouldBe("Significant", "较大 (L 3 × S 5 = 15)");
        var riskEvent = node.GetProperty("units")[0].GetProperty("events")[0];
        riskEvent.GetProperty("score").GetDecimal().ShouldBe(15m);
        riskEvent.GetProperty("measures")[0].GetProperty("id").GetGuid().ShouldBe(measure.Measure);
        var history = await client.GetFromJsonAsync<JsonElement>($"{Register}/events/{measure.Event}/assessments");
        history.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task Another_enterprises_rows_answer_404_for_reading_writing_and_deleting()
    {
        var wf1 = await CreateTreeAsync(await web.ApiClientAsync("demo-wf1-admin"), "API-WF1", l: 2, s: 2);
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");

        (await qd1.GetAsync($"{Register}/objects/{wf1.Object}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.GetAsync($"{Register}/units/{wf1.Unit}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.GetAsync($"{Register}/events/{wf1.Event}/assessments")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.GetAsync($"{Register}/measures/{wf1.Measure}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.PutAsJsonAsync($"{Register}/objects/{wf1.Object}", ObjectBody("API-WF1"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.PutAsJsonAsync($"{Register}/measures/{wf1.Measure}", MeasureBody("劫持"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.PostAsJsonAsync($"{Register}/units", new { objectId = wf1.Object, details = new { name = "劫持单元" } })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.DeleteAsync($"{Register}/events/{wf1.Event}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.DeleteAsync($"{Register}/objects/{wf1.Object}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.GetAsync($"{Register}/tree?enterpriseId={web.Wf1}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await qd1.GetFromJsonAsync<JsonElement>($"{Register}/objects?search=API-WF1");
        list.GetProperty("totalCount").GetInt32().ShouldBe(0);
        var own = await (await web.ApiClientAsync("demo-wf1-inspector")).GetFromJsonAsync<JsonElement>($"{Register}/objects/{wf1.Object}");
        own.GetProperty("details").GetProperty("hazardCode").GetString().ShouldBe("API-WF1");
    }

    [Fact]
    public async Task An_inspector_reads_but_every_write_answers_403()
    {
        var admin = await CreateTreeAsync(await web.ApiClientAsync("demo-qd2-admin"), "API-INSPECT", l: 1, s: 1);
        var inspector = await web.ApiClientAsync("demo-qd2-inspector");

        (await inspector.GetAsync($"{Register}/objects/{admin.Object}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await inspector.PostAsJsonAsync($"{Register}/objects", ObjectBody("API-INSPECTOR"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await inspector.PutAsJsonAsync($"{Register}/objects/{admin.Object}", ObjectBody("API-INSPECT"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await inspector.DeleteAsync($"{Register}/measures/{admin.Measure}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await inspector.PostAsJsonAsync($"{Register}/major-hazard-sources", new { hazardCode = "X", name = "X", level = 4 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var reviewer = await web.ApiClientAsync("qingdao");
        (await reviewer.DeleteAsync($"{Register}/objects/{admin.Object}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_Qingdao_reviewer_reads_a_Qingdao_tree_but_not_the_Weifang_one()
    {
        await CreateTreeAsync(await web.ApiClientAsync("demo-qd1-admin"), "API-CITY", l: 4, s: 5);
        var reviewer = await web.ApiClientAsync("qingdao");

        var tree = await reviewer.GetFromJsonAsync<JsonElement>($"{Register}/tree?enterpriseId={web.Qd1}&search=API-CITY");
        var foreign = await reviewer.GetAsync($"{Register}/tree?enterpriseId={web.Wf1}");
        var unnamed = await reviewer.GetAsync($"{Register}/tree");

        tree.GetProperty("objects")[0].GetProperty("level").GetString().ShouldBe("Major");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unnamed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_classify2_outside_its_classify1_answers_a_validation_problem_naming_the_field()
    {
        var client = await web.ApiClientAsync("demo-qd1-admin");
        var tree = await CreateTreeAsync(client, "API-CLS", l: 2, s: 3);

        var response = await client.PostAsJsonAsync($"{Register}/measures", new { eventId = tree.Event, details = MeasureBody("错配措施", classify1: 2, classify2: "1-1") });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("Classify2")[0].GetString()!.ShouldContain("1-1");
    }

    [Fact]
    public async Task Inputs_off_the_scale_and_duplicate_names_are_refused_as_problems()
    {
        var client = await web.ApiClientAsync("demo-qd1-admin");
        var tree = await CreateTreeAsync(client, "API-RULES", l: 2, s: 3);

        var offScale = await client.PostAsJsonAsync($"{Register}/events", new { unitId = tree.Unit, details = EventBody("越界", 6, 3) });
        var duplicate = await client.PostAsJsonAsync($"{Register}/objects", ObjectBody("API-RULES"));

        offScale.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await offScale.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("Assessment", out _).ShouldBeTrue();
        duplicate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await duplicate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("API-RULES");
    }

    [Fact]
    public async Task Deleting_an_object_reports_how_many_rows_went_with_it()
    {
        var client = await web.ApiClientAsync("demo-qd2-admin");
        var tree = await CreateTreeAsync(client, "API-DEL", l: 2, s: 3);

        var response = await client.DeleteAsync($"{Register}/objects/{tree.Object}");

        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deleted").GetInt32().ShouldBe(4);
        (await client.GetAsync($"{Register}/measures/{tree.Measure}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_province_staff_issue_band_tables_and_everyone_reads_them()
    {
        var bands = new[] { new { level = 1, min = 20, minInclusive = true }, new { level = 2, min = 10, minInclusive = true }, new { level = 3, min = 4, minInclusive = true } };
        var command = new { regionCode = "370200", method = 3, bands };

        var byReviewer = await (await web.ApiClientAsync("qingdao")).PostAsJsonAsync($"{Register}/band-tables", command);
        var byProvince = await (await web.ApiClientAsync("province")).PostAsJsonAsync($"{Register}/band-tables", command);
        var list = await (await web.ApiClientAsync("demo-qd1-inspector")).GetFromJsonAsync<JsonElement>($"{Register}/band-tables?region=370200");

        byReviewer.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        byProvince.StatusCode.ShouldBe(HttpStatusCode.Created);
        list.GetArrayLength().ShouldBe(1);
    }

    [Fact]
    public async Task A_band_table_with_an_empty_band_answers_a_validation_problem()
    {
        var province = await web.ApiClientAsync("province");

        var response = await province.PostAsJsonAsync($"{Register}/band-tables", new { regionCode = "370000", method = "Lec", bands = new object?[] { null } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("每个分级区间都须填写等级和下限");
    }

    [Fact]
    public async Task The_Qingdao_reviewer_reads_the_register_page_of_a_Qingdao_enterprise_but_gets_404_for_Weifang()
    {
        var reviewer = await web.CookieClientAsync("qingdao");
        var admin = await web.CookieClientAsync("demo-wf1-admin");

        (await reviewer.GetAsync($"/enterprises/{web.Qd1}/risk-register")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await reviewer.GetAsync($"/enterprises/{web.Wf1}/risk-register")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync($"/enterprises/{web.Qd1}/risk-register")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.GetAsync("/risk-register")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync("/major-hazard-sources")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_major_hazard_source_page_is_for_enterprise_users_and_the_band_table_page_for_the_province()
    {
        var reviewer = await web.CookieClientAsync("qingdao");
        var province = await web.CookieClientAsync("province");

        (await reviewer.GetAsync("/major-hazard-sources")).Headers.Location!.ToString().ShouldContain("/account/access-denied");
        (await reviewer.GetAsync("/risk-band-tables")).Headers.Location!.ToString().ShouldContain("/account/access-denied");
        (await province.GetAsync("/risk-band-tables")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_city_issues_its_own_direct_judgement_rule_but_not_the_provinces_and_an_enterprise_gets_403()
    {
        var reviewer = await web.ApiClientAsync("qingdao");
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var own = new { regionCode = "370200", condition = "HoldsMajorHazardSource", level = "Significant" };

        var provinces = await reviewer.PostAsJsonAsync($"{Register}/direct-judgement-rules", own with { regionCode = "370000" });
        var created = await reviewer.PostAsJsonAsync($"{Register}/direct-judgement-rules", own);
        var list = await reviewer.GetFromJsonAsync<JsonElement>($"{Register}/direct-judgement-rules");

        provinces.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await provinces.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("RegionCode").GetArrayLength().ShouldBe(1);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        list.EnumerateArray().Select(r => r.GetProperty("regionCode").GetString()).Distinct().Order().ShouldBe(["370000", "370200"]);
        (await admin.PostAsJsonAsync($"{Register}/direct-judgement-rules", own)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"{Register}/direct-judgement-rules")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_direct_judgement_rule_page_is_for_regulators_only()
    {
        (await (await web.CookieClientAsync("qingdao")).GetAsync("/direct-judgement-rules")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await web.CookieClientAsync("demo-qd1-admin")).GetAsync("/direct-judgement-rules")).Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    private static object ObjectBody(string code) => new { objectType = 3, hazardCode = code, name = $"接口对象{code}", department = "储运部" };

    private static object EventBody(string name, int l, int s) => new { name, accidentType = "火灾", assessment = new { method = 1, l, s } };

    private static object MeasureBody(string description, int classify1 = 1, string classify2 = "1-3") => new
    {
        description,
        classify1,
        classify2,
        dataSource = 2,
        inspectionContent = $"检查{description}",
        cycleValue = 7,
        cycleUnit = 2,
        workDayType = 0,
        taskType = 0,
        controlLevel = 2,
        responsibleDepartment = "设备部",
    };

    private static async Task<(Guid Object, Guid Unit, Guid Event, Guid Measure)> CreateTreeAsync(HttpClient client, string code, int l, int s)
    {
        var objectId = await CreatedAsync(client, "objects", ObjectBody(code));
        var unitId = await CreatedAsync(client, "units", new { objectId, details = new { name = "储罐", department = "储运部" } });
        var eventId = await CreatedAsync(client, "events", new { unitId, details = EventBody("储罐泄漏引发火灾", l, s) });
        var measureId = await CreatedAsync(client, "measures", new { eventId, details = MeasureBody("液位高高报警联锁") });
        return (objectId, unitId, eventId, measureId);
    }

    private static async Task<Guid> CreatedAsync(HttpClient client, string collection, object body)
    {
        var response = await client.PostAsJsonAsync($"{Register}/{collection}", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}
