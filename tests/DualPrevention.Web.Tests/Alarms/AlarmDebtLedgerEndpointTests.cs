using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Alarms;

/// <summary>
/// <c>/api/v1/alarms/ledger</c> and <c>/ledger.xlsx</c> (ADR 0042): a city's regulator gets its enterprises' rows and
/// never another city's, asking for another region answers 404, an enterprise gets its own row, a malformed period or
/// sort answers 400 ProblemDetails, and the workbook holds the same rows.
/// </summary>
public class AlarmDebtLedgerEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task A_city_regulator_reads_its_enterprises_figures_and_never_another_citys()
    {
        await RaiseAsync(web.Qd1, "LEDGER-API-QD1");
        await RaiseAsync(web.Wf1, "LEDGER-API-WF1");
        var qingdao = await web.ApiClientAsync("qingdao");
        var weifang = await web.ApiClientAsync("weifang");

        var ledger = await qingdao.GetFromJsonAsync<JsonElement>("/api/v1/alarms/ledger?period=2026-11");
        var rows = ledger.GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        var foreign = await weifang.GetAsync("/api/v1/alarms/ledger?period=2026-11&region=370200");
        var own = await weifang.GetFromJsonAsync<JsonElement>("/api/v1/alarms/ledger");

        rows.Select(r => r.GetProperty("enterpriseId").GetGuid()).ShouldContain(web.Qd1);
        rows.Select(r => r.GetProperty("enterpriseId").GetGuid()).ShouldNotContain(web.Wf1);
        rows.Single(r => r.GetProperty("enterpriseId").GetGuid() == web.Qd1).GetProperty("openDebt").GetInt32().ShouldBeGreaterThan(0);
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        own.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("enterpriseId").GetGuid()).ShouldBe([web.Wf1]);
    }

    [Fact]
    public async Task An_enterprise_reads_only_its_own_row()
    {
        await RaiseAsync(web.Qd1, "LEDGER-API-OWN-QD1");
        await RaiseAsync(web.Qd2, "LEDGER-API-OWN-QD2");
        var admin = await web.ApiClientAsync("demo-qd2-admin");

        var ledger = await admin.GetFromJsonAsync<JsonElement>("/api/v1/alarms/ledger?period=2026-11");

        ledger.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => r.GetProperty("enterpriseId").GetGuid()).ShouldBe([web.Qd2]);
    }

    [Theory]
    [InlineData("period=2026-13", "2026-13")]
    [InlineData("sort=Nope", "Bad request")]
    [InlineData("source=Radar", "Bad request")]
    public async Task A_malformed_query_answers_400_problem_details(string query, string named)
    {
        var qingdao = await web.ApiClientAsync("qingdao");

        var response = await qingdao.GetAsync($"/api/v1/alarms/ledger?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadAsStringAsync()).ShouldContain(named, Case.Insensitive);
    }

    [Fact]
    public async Task The_workbook_holds_the_regions_rows_in_the_requested_language()
    {
        await RaiseAsync(web.Qd1, "LEDGER-API-XLSX-QD1");
        await RaiseAsync(web.Wf1, "LEDGER-API-XLSX-WF1");
        var qingdao = await web.ApiClientAsync("qingdao");
        qingdao.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");

        var response = await qingdao.GetAsync("/api/v1/alarms/ledger.xlsx?period=2026-11");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe(AlarmDebtWorkbook.ContentType);
        var rows = XlsxCells.FirstOfEachRow(await response.Content.ReadAsByteArrayAsync());
        rows[0].ShouldBe("报警处置台账");
        rows.ShouldContain("青岛示范石化有限公司");
        rows.ShouldNotContain("潍坊示范化学有限公司");
    }

    private async Task RaiseAsync(Guid enterpriseId, string sourceEventId)
    {
        await using var services = web.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var raised = new RaisedAlarm(AlarmSource.Positioning, sourceEventId, AlarmCategories.Sos, AlarmSeverity.Critical, web.Clock.GetUtcNow(), "一键报警：台账接口测试", ZoneId: Guid.NewGuid());
        await scope.ServiceProvider.GetRequiredService<RaiseAlarm.Handler>().HandleAsync(new(enterpriseId, raised), CancellationToken.None);
    }
}
