using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;

namespace DualPrevention.Web.Tests.HiddenDangers;

public class HiddenDangerLedgerEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static MultipartFormDataContent Upload(byte[] file)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", "隐患台账.xlsx");
        return content;
    }

    private static async Task<List<Guid>> IdsAsync(HttpResponseMessage response, string list = "items")
    {
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var items = list == "items" ? body.GetProperty("items") : body.GetProperty("items").GetProperty("items");
        return items.EnumerateArray().Select(i => i.GetProperty(list == "items" ? "id" : "hiddenDangerId").GetGuid()).ToList();
    }

    [Fact]
    public async Task The_ledger_answers_each_caller_within_their_scope_only()
    {
        var qd1Item = await HiddenDangerSeed.AddAsync(web, web.Qd1, "青岛一厂的隐患", deadline: new DateOnly(2026, 10, 1));
        var wf1Item = await HiddenDangerSeed.AddAsync(web, web.Wf1, "潍坊一厂的隐患");
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");
        var weifang = await web.ApiClientAsync("weifang");
        var qingdao = await web.ApiClientAsync("qingdao");

        var own = await IdsAsync(await qd1.GetAsync("/api/v1/hidden-dangers?overdue=true&state=Rectifying&sort=Deadline"));
        var foreign = await IdsAsync(await qd1.GetAsync($"/api/v1/hidden-dangers?enterpriseId={web.Wf1}"));
        var weifangSees = await IdsAsync(await weifang.GetAsync("/api/v1/hidden-dangers?pageSize=200"));
        var qingdaoSees = await IdsAsync(await qingdao.GetAsync($"/api/v1/hidden-dangers?enterpriseId={web.Qd1}"));

        own.ShouldContain(qd1Item);
        foreign.ShouldBeEmpty();
        weifangSees.ShouldContain(wf1Item);
        weifangSees.ShouldNotContain(qd1Item);
        qingdaoSees.ShouldContain(qd1Item);
        qingdaoSees.ShouldNotContain(wf1Item);
        var row = (await qd1.GetFromJsonAsync<JsonElement>("/api/v1/hidden-dangers?overdue=true")).GetProperty("items").EnumerateArray().First(i => i.GetProperty("id").GetGuid() == qd1Item);
        row.GetProperty("isOverdue").GetBoolean().ShouldBeTrue();
        row.GetProperty("daysOverdue").GetInt32().ShouldBeGreaterThan(0);
        row.GetProperty("level").GetString().ShouldBe("General");
    }

    [Fact]
    public async Task The_Weifang_bureau_does_not_see_a_Qingdao_major_hidden_danger_that_the_Qingdao_bureau_sees()
    {
        var major = await HiddenDangerSeed.AddAsync(web, web.Qd2, "青岛二厂的重大隐患", HiddenDangerLevel.Major, deadline: new DateOnly(2027, 3, 1));
        var qingdao = await web.ApiClientAsync("qingdao");
        var weifang = await web.ApiClientAsync("weifang");
        var province = await web.ApiClientAsync("province");

        (await IdsAsync(await qingdao.GetAsync("/api/v1/supervision/city"), "supervision")).ShouldContain(major);
        (await IdsAsync(await weifang.GetAsync("/api/v1/supervision/city"), "supervision")).ShouldNotContain(major);
        (await IdsAsync(await weifang.GetAsync($"/api/v1/supervision/city?enterpriseId={web.Qd2}"), "supervision")).ShouldBeEmpty();
        (await IdsAsync(await province.GetAsync("/api/v1/supervision/province"), "supervision")).ShouldNotContain(major);
        (await IdsAsync(await province.GetAsync("/api/v1/supervision/province?allMajor=true&pageSize=100"), "supervision")).ShouldContain(major);
        var reasons = (await qingdao.GetFromJsonAsync<JsonElement>("/api/v1/supervision/city")).GetProperty("items").GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("hiddenDangerId").GetGuid() == major).GetProperty("reasons");
        reasons.EnumerateArray().Select(r => r.GetString()).ShouldBe(["OpenMajor"]);
    }

    [Theory]
    [InlineData("demo-qd1-admin", "/api/v1/supervision/city")]
    [InlineData("demo-wf1-inspector", "/api/v1/supervision/city")]
    [InlineData("qingdao", "/api/v1/supervision/province")]
    [InlineData("demo-qd1-admin", "/api/v1/supervision/province")]
    public async Task Supervision_lists_are_refused_to_those_they_are_not_for(string userName, string url)
    {
        var client = await web.ApiClientAsync(userName);

        (await client.GetAsync(url)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("/api/v1/hidden-dangers?from=2026-11-02&to=2026-11-01")]
    [InlineData("/api/v1/hidden-dangers?level=Huge")]
    [InlineData("/api/v1/hidden-dangers?from=yesterday")]
    public async Task Bad_ledger_queries_answer_400_problem_details(string url)
    {
        var client = await web.ApiClientAsync("demo-qd1-admin");

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task The_sample_ledger_previews_commits_once_and_stays_with_its_enterprise()
    {
        var admin = await web.ApiClientAsync("demo-wf1-admin");
        var sample = Samples.HiddenDangerLedger();

        var preview = await admin.PostAsync("/api/v1/hidden-dangers/imports", Upload(sample));
        var commit = await admin.PostAsync("/api/v1/hidden-dangers/imports?dryRun=false", Upload(sample));
        var again = await admin.PostAsync("/api/v1/hidden-dangers/imports?dryRun=false", Upload(sample));

        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var previewBody = await preview.Content.ReadFromJsonAsync<JsonElement>();
        (previewBody.GetProperty("committed").GetBoolean(), previewBody.GetProperty("new").GetInt32()).ShouldBe((false, 57));
        commit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await commit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("new").GetInt32().ShouldBe(57);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("unchanged").GetInt32().ShouldBe(57);
        var wf1 = await admin.GetFromJsonAsync<JsonElement>("/api/v1/hidden-dangers?origin=LedgerImport&from=2020-01-01&to=2020-12-31");
        wf1.GetProperty("totalCount").GetInt32().ShouldBe(57);
        var qingdao = await web.ApiClientAsync("qingdao");
        (await qingdao.GetFromJsonAsync<JsonElement>("/api/v1/hidden-dangers?origin=LedgerImport&from=2020-01-01&to=2020-12-31")).GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("weifang")]
    [InlineData("demo-qd1-inspector")]
    public async Task Regulators_and_inspectors_cannot_import_a_ledger(string userName)
    {
        var client = await web.ApiClientAsync(userName);

        (await client.PostAsync("/api/v1/hidden-dangers/imports", Upload(Samples.HiddenDangerLedger()))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_answers_400_and_a_commit_with_errors_answers_422()
    {
        var admin = await web.ApiClientAsync("demo-qd2-admin");
        var broken = new XlsxBuilder().Sheet("台账").Row("问题描述", "检查时间", "隐患级别", "隐患状态").Row("梯子损坏", "不详", "一般事故隐患", "关闭").Build();

        var wrongType = await admin.PostAsync("/api/v1/hidden-dangers/imports", Upload("not a workbook"u8.ToArray()));
        var withErrors = await admin.PostAsync("/api/v1/hidden-dangers/imports?dryRun=false", Upload(broken));

        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        wrongType.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        withErrors.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var problem = (await withErrors.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problems")[0];
        (problem.GetProperty("row").GetInt32(), problem.GetProperty("column").GetString()).ShouldBe((2, "B"));
    }
}
