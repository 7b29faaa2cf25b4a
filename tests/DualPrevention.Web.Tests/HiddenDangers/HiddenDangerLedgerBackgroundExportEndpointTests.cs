using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Testing;
using DualPrevention.Web.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.HiddenDangers;

/// <summary>
/// <c>GET /api/v1/hidden-dangers/ledger.xlsx|.pdf</c> over <see cref="ExportHiddenDangerLedger.MaxRows"/> rows (ADR
/// 0035): 202 with the export to poll, the file written by the job and downloaded by its requester's scope only, and
/// 429 with Retry-After once the requester has the most exports waiting.
/// </summary>
public class HiddenDangerLedgerBackgroundExportEndpointTests(WebFixture web) : IClassFixture<WebFixture>, IAsyncLifetime
{
    private const int Rows = ExportHiddenDangerLedger.MaxRows + 1;

    public Task InitializeAsync() => HiddenDangerSeed.FillLedgerAsync(web, web.Qd2, Rows);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Over_the_limit_the_ledger_answers_202_and_the_job_writes_every_row_for_the_requester_only()
    {
        var admin = await web.ApiClientAsync("demo-qd2-admin");

        var accepted = await admin.GetAsync("/api/v1/hidden-dangers/ledger.xlsx");

        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        accepted.Headers.Location!.ToString().ShouldBe($"/api/v1/reports/exports/{id}");
        (await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reports/exports/{id}")).GetProperty("status").GetString().ShouldBe("Queued");

        await ActivatorUtilities.CreateInstance<RunReportExportJob>(web.Factory.Services).RunAsync(id, CancellationToken.None);

        var done = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/reports/exports/{id}");
        (done.GetProperty("status").GetString(), done.GetProperty("rowsWritten").GetInt32()).ShouldBe(("Completed", Rows));
        var file = await admin.GetAsync($"/api/v1/reports/exports/{id}/file");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxCells.FirstOfEachRow(await file.Content.ReadAsByteArrayAsync());
        var header = rows.FindIndex(r => r == "隐患编号");
        (rows.Count - header - 1).ShouldBe(Rows);
        foreach (var stranger in new[] { "demo-qd1-admin", "weifang" })
        {
            var client = await web.ApiClientAsync(stranger);
            (await client.GetAsync($"/api/v1/reports/exports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await client.GetAsync($"/api/v1/reports/exports/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
    }

    [Fact]
    public async Task Over_the_quota_a_large_ledger_answers_429_with_Retry_After()
    {
        var inspector = await web.ApiClientAsync("demo-qd2-inspector");
        var limit = new ReportExportLimits().MaxInProgressPerUser;
        for (var i = 0; i < limit; i++)
        {
            (await inspector.GetAsync("/api/v1/hidden-dangers/ledger.pdf")).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        var refused = await inspector.GetAsync("/api/v1/hidden-dangers/ledger.xlsx");

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(new ReportExportLimits().RetryAfter);
    }

    [Fact]
    public async Task Over_the_limit_the_ledger_page_says_the_export_is_made_in_the_background_and_where_to_find_it()
    {
        var large = await (await web.CookieClientAsync("demo-qd2-admin")).GetStringAsync("/hidden-dangers");
        var small = await (await web.CookieClientAsync("demo-qd1-admin")).GetStringAsync("/hidden-dangers");

        large.ShouldContain("data-testid=\"ledger-export-background\"");
        large.ShouldContain($"台账共 {Rows} 条，超过即时导出上限 5000 条：导出将在后台生成，完成后通知您");
        large.ShouldContain("href=\"reports\"");
        small.ShouldNotContain("ledger-export-background");
        small.ShouldContain("href=\"api/v1/hidden-dangers/ledger.xlsx?sort=ReportedAt&amp;descending=true\"");
    }
}
