using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Web.Jobs;
using ExcelDataReader;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Web.Tests.Reports;

/// <summary>
/// <c>/api/v1/reports</c> over the demo enterprises: the report at once in every format, refusals as ProblemDetails,
/// and the background export with its job run inside the host as the Hangfire server would run it.
/// </summary>
public class ReportEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private const string Qd1Name = "青岛示范石化有限公司";
    private const string Qd2Name = "青岛示范化工储运有限公司";
    private const string Wf1Name = "潍坊示范化学有限公司";

    [Fact]
    public async Task The_json_report_of_the_Qingdao_reviewer_lists_its_enterprises_and_totals_and_no_other_city()
    {
        var qingdao = await web.ApiClientAsync("qingdao");

        var response = await qingdao.GetAsync("/api/v1/reports/compliance?period=2026-11&format=json");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("regionCode").GetString().ShouldBe("370200");
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        var names = rows.Select(r => r.GetProperty("enterpriseName").GetString()).OfType<string>().ToList();
        names.ShouldBe([Qd1Name, Qd2Name], ignoreOrder: true);
        rows.Select(r => r.GetProperty("kind").GetString()).ShouldContain("CityTotal");
    }

    [Fact]
    public async Task A_report_file_names_its_requesters_display_name_and_organisation()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");

        var csv = await admin.GetStringAsync("/api/v1/reports/compliance?period=2026-11&format=csv");

        var line = csv.Split('\n').Single(l => l.Contains("生成人", StringComparison.Ordinal));
        line.ShouldContain($"（{Qd1Name}）");
        line.ShouldNotContain("demo-qd1-admin");
    }

    [Fact]
    public async Task The_json_report_carries_the_rounded_percentages_and_score_the_files_show_beside_the_fractions()
    {
        var qingdao = await web.ApiClientAsync("qingdao");

        var report = await qingdao.GetFromJsonAsync<JsonElement>("/api/v1/reports/compliance?period=2026-11&format=json");

        foreach (var row in report.GetProperty("rows").EnumerateArray())
        {
            var metrics = row.GetProperty("metrics");
            var fraction = metrics.GetProperty("completionRate");
            var percent = metrics.GetProperty("completionPercent");
            if (fraction.ValueKind == JsonValueKind.Null)
            {
                percent.ValueKind.ShouldBe(JsonValueKind.Null);
                continue;
            }

            percent.GetInt32().ShouldBe((int)Math.Round(100m * fraction.GetDecimal(), MidpointRounding.AwayFromZero));
            metrics.TryGetProperty("rectificationPercent", out _).ShouldBeTrue();
            row.GetProperty("effect").TryGetProperty("roundedScore", out _).ShouldBeTrue();
        }
    }

    [Fact]
    public async Task The_xlsx_report_is_named_in_Chinese_and_opens_with_the_citys_enterprises()
    {
        var qingdao = await web.ApiClientAsync("qingdao");

        var response = await qingdao.GetAsync("/api/v1/reports/compliance?period=2026-11&region=370200&format=xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("双重预防机制运行情况报表_青岛市_2026-11.xlsx");
        response.Content.Headers.GetValues("Content-Disposition").Single().ShouldContain("filename*=UTF-8''%E5%8F%8C%E9%87%8D");
        var cells = ReadWorkbook(await response.Content.ReadAsByteArrayAsync());
        cells.ShouldContain(Qd1Name);
        cells.ShouldContain(Qd2Name);
        cells.ShouldNotContain(Wf1Name);
    }

    [Fact]
    public async Task The_csv_report_starts_with_the_utf8_byte_order_mark_and_the_pdf_is_a_pdf()
    {
        var qingdao = await web.ApiClientAsync("qingdao");

        var csv = await qingdao.GetAsync("/api/v1/reports/compliance?period=2026-Q4&format=csv");
        var pdf = await qingdao.GetAsync("/api/v1/reports/compliance?period=2026&format=pdf");

        csv.StatusCode.ShouldBe(HttpStatusCode.OK);
        var csvBytes = await csv.Content.ReadAsByteArrayAsync();
        csvBytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        System.Text.Encoding.UTF8.GetString(csvBytes).ShouldContain(Qd2Name);
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        (await pdf.Content.ReadAsByteArrayAsync())[..4].ShouldBe("%PDF"u8.ToArray());
    }

    [Fact]
    public async Task A_report_fetched_in_English_is_written_in_English_but_for_the_names_of_enterprises_places_and_people()
    {
        var qingdao = await web.ApiClientAsync("qingdao");
        qingdao.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US");

        var response = await qingdao.GetAsync("/api/v1/reports/compliance?period=2026-11&region=370200&format=xlsx");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("Dual prevention operation report_青岛市_2026-11.xlsx");
        var cells = ReadWorkbook(await response.Content.ReadAsByteArrayAsync());
        cells.ShouldContain("Task completion rate");
        cells.ShouldContain("青岛市 total");
        cells.SelectMany(ChineseWords).Where(word => !IsName(word)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("period=2026-13&format=json")]
    [InlineData("period=November&format=xlsx")]
    [InlineData("format=json")]
    [InlineData("period=2026-11&format=docx")]
    public async Task A_bad_period_or_format_is_refused_with_400_ProblemDetails(string query)
    {
        var qingdao = await web.ApiClientAsync("qingdao");

        var response = await qingdao.GetAsync($"/api/v1/reports/compliance?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32().ShouldBe(400);
    }

    [Fact]
    public async Task Another_citys_region_and_an_enterprise_users_city_answer_404_and_anonymous_401()
    {
        var qingdao = await web.ApiClientAsync("qingdao");
        var qd1 = await web.ApiClientAsync("demo-qd1-admin");

        (await qingdao.GetAsync("/api/v1/reports/compliance?period=2026-11&region=370700")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qingdao.GetAsync("/api/v1/reports/compliance?period=2026-11&region=370700&format=xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.GetAsync("/api/v1/reports/compliance?period=2026-11&region=370200")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await qd1.PostAsJsonAsync("/api/v1/reports/exports", new { period = "2026-11", format = "csv", region = "370200" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await web.Factory.CreateClient().GetAsync("/api/v1/reports/compliance?period=2026-11")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await web.Factory.CreateClient().GetAsync("/api/v1/reports/exports")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var own = await (await qd1.GetAsync("/api/v1/reports/compliance?period=2026-11")).Content.ReadFromJsonAsync<JsonElement>();
        own.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("enterpriseName").GetString()).OfType<string>().ShouldBe([Qd1Name]);
    }

    [Fact]
    public async Task An_export_is_accepted_written_by_the_job_and_downloaded_by_its_requester_only()
    {
        var qingdao = await web.ApiClientAsync("qingdao");
        var weifang = await web.ApiClientAsync("weifang");

        var accepted = await qingdao.PostAsJsonAsync("/api/v1/reports/exports", new { period = "2026-11", format = "xlsx" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        accepted.Headers.Location!.ToString().ShouldBe($"/api/v1/reports/exports/{id}");
        (await StatusAsync(qingdao, id)).GetProperty("status").GetString().ShouldBe("Queued");

        await ActivatorUtilities.CreateInstance<RunReportExportJob>(web.Factory.Services).RunAsync(id, CancellationToken.None);

        var done = await StatusAsync(qingdao, id);
        (done.GetProperty("status").GetString(), done.GetProperty("percent").GetInt32()).ShouldBe(("Completed", 100));
        var file = await qingdao.GetAsync($"/api/v1/reports/exports/{id}/file");
        file.StatusCode.ShouldBe(HttpStatusCode.OK);
        file.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe("双重预防机制运行情况报表_青岛市_2026-11.xlsx");
        var cells = ReadWorkbook(await file.Content.ReadAsByteArrayAsync());
        cells.ShouldContain(Qd2Name);
        cells.ShouldNotContain(Wf1Name);

        var mine = await qingdao.GetFromJsonAsync<JsonElement>("/api/v1/reports/exports?ownOnly=true");
        mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(id);
        (await weifang.GetAsync($"/api/v1/reports/exports/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await weifang.GetAsync($"/api/v1/reports/exports/{id}/file")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var theirs = await weifang.GetFromJsonAsync<JsonElement>("/api/v1/reports/exports");
        theirs.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldNotContain(id);
    }

    [Fact]
    public async Task A_person_with_the_most_exports_in_progress_gets_429_with_Retry_After_and_a_readable_reason()
    {
        var admin = await web.ApiClientAsync("demo-qd2-admin");
        var limit = new ReportExportLimits().MaxInProgressPerUser;
        for (var i = 0; i < limit; i++)
        {
            (await admin.PostAsJsonAsync("/api/v1/reports/exports", new { period = "2026", format = "pdf" })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        }

        var refused = await admin.PostAsJsonAsync("/api/v1/reports/exports", new { period = "2026", format = "pdf" });

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(30));
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString().ShouldBe(InChinese(() => CoreText.Get("Reports.ExportQuota", limit)));
        var mine = await admin.GetFromJsonAsync<JsonElement>("/api/v1/reports/exports?ownOnly=true");
        mine.GetProperty("items").GetArrayLength().ShouldBe(limit);
    }

    /// <summary>The API answers in Chinese unless asked otherwise.</summary>
    private static string InChinese(Func<string> text)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        return text();
    }

    private static async Task<JsonElement> StatusAsync(HttpClient client, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/reports/exports/{id}");

    /// <summary>Runs of Chinese characters in a text.</summary>
    private static IEnumerable<string> ChineseWords(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"[\u4e00-\u9fff]+").Select(m => m.Value);

    /// <summary>Data that keeps its Chinese in every language: the demo's enterprises, regions and the reviewer's display name.</summary>
    private static bool IsName(string word) =>
        word is Qd1Name or Qd2Name or "青岛市应急局审核员" || System.Text.RegularExpressions.Regex.IsMatch(word, @"^[\u4e00-\u9fff]{1,6}[省市区县]$");

    /// <summary>Every non-empty cell of the workbook's first sheet as text.</summary>
    private static List<string> ReadWorkbook(byte[] xlsx)
    {
        // ExcelDataReader's default configuration asks for code page 1252 even for .xlsx.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(xlsx);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var cells = new List<string>();
        while (reader.Read())
        {
            cells.AddRange(Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue).OfType<object>().Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)!));
        }

        return cells;
    }
}
