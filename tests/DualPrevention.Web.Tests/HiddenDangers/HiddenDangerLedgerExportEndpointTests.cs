using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ExcelDataReader;
using UglyToad.PdfPig;

namespace DualPrevention.Web.Tests.HiddenDangers;

/// <summary>
/// The ledger exported from /hidden-dangers with the page's filters: the Excel and the PDF read back carry each
/// column of the matching hidden dangers and none of the others, and name the organisation, the filters and the
/// requester; another enterprise's user and a city outside the region get 404 for the enterprise's ledger.
/// </summary>
public class HiddenDangerLedgerExportEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static readonly string Deadline = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Longer than one line of its column: it must wrap in the PDF, every character kept.</summary>
    private static readonly string Description = string.Concat(Enumerable.Repeat("二号仓库东侧消防通道堆放纸箱和木托盘，阻塞疏散通道；", 4));

    private sealed record Created(Guid Id);

    [Fact]
    public async Task The_Excel_holds_the_filtered_rows_with_every_column_and_names_organisation_filters_and_requester()
    {
        var token = Token();
        var (admin, confirmed, pending) = await TwoHiddenDangersAsync(token);
        var detail = await DetailAsync(admin, confirmed);
        var other = await DetailAsync(admin, pending);

        var response = await admin.GetAsync($"/api/v1/hidden-dangers/ledger.xlsx?state=Rectifying&search={token}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());
        rows[0][0].ShouldBe("隐患排查治理台账");
        Caption(rows, "单位").ShouldBe(detail.EnterpriseName);
        Caption(rows, "筛选条件").ShouldContain($"关键词：{token}");
        Caption(rows, "筛选条件").ShouldContain("状态：整改中");
        Caption(rows, "导出人").ShouldEndWith($"（{detail.EnterpriseName}）");
        Caption(rows, "导出时间（北京时间）").ShouldMatch(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$");
        var header = rows.Single(r => r.Count > 0 && r[0] == "隐患编号");
        header.ShouldBe(["隐患编号", "发现日期", "隐患部位", "隐患描述", "隐患级别", "隐患类型", "发现人", "整改措施", "整改责任人", "整改期限", "状态", "验收日期"]);
        var data = rows.Skip(rows.IndexOf(header) + 1).ToList();
        data.Count.ShouldBe(1);
        var row = data[0];
        row[0].ShouldBe(detail.Number);
        row[1].ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
        row[2].ShouldBe("二号仓库");
        row[3].ShouldBe($"消防通道堆放杂物{token}\n{Description}");
        row[4].ShouldBe("一般隐患");
        row[5].ShouldBe("消防");
        row[6].ShouldBe(detail.ReportedByName);
        row[7].ShouldBe("清理纸箱和木托盘，划定禁放区");
        row[8].ShouldBe(detail.RectifierName);
        row[9].ShouldBe(Deadline);
        row[10].ShouldBe("整改中");
        data.ShouldNotContain(r => r[0] == other.Number);
    }

    [Fact]
    public async Task The_PDF_holds_the_filtered_rows_wrapped_with_page_numbers_and_the_header()
    {
        var token = Token();
        var (admin, confirmed, pending) = await TwoHiddenDangersAsync(token);
        var detail = await DetailAsync(admin, confirmed);
        var other = await DetailAsync(admin, pending);

        var response = await admin.GetAsync($"/api/v1/hidden-dangers/ledger.pdf?state=Rectifying&search={token}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(), new ParsingOptions { UseActualText = true });
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        text.ShouldContain("隐患排查治理台账");
        text.ShouldContain($"单位：{detail.EnterpriseName}");
        text.ShouldContain($"关键词：{token}");
        text.ShouldContain($"（{detail.EnterpriseName}）");
        text.ShouldContain(detail.Number);
        text.ShouldContain(Description);
        text.ShouldContain("清理纸箱和木托盘，划定禁放区");
        text.ShouldContain($"第 1 页 共 {pdf.NumberOfPages} 页");
        text.ShouldNotContain(other.Number);
    }

    [Fact]
    public async Task A_city_reviewer_exports_the_enterprises_rows_with_their_enterprise()
    {
        var token = Token();
        var (admin, confirmed, _) = await TwoHiddenDangersAsync(token);
        var detail = await DetailAsync(admin, confirmed);
        var city = await web.ApiClientAsync("qingdao");

        var response = await city.GetAsync($"/api/v1/hidden-dangers/ledger.xlsx?search={token}&enterpriseId={detail.EnterpriseId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync());
        var header = rows.Single(r => r.Count > 0 && r[0] == "隐患编号");
        header[1].ShouldBe("单位名称");
        var data = rows.Skip(rows.IndexOf(header) + 1).ToList();
        data.Count.ShouldBe(2);
        data.ShouldAllBe(r => r[1] == detail.EnterpriseName);
        Caption(rows, "筛选条件").ShouldContain($"企业：{detail.EnterpriseName}");
    }

    [Theory]
    [InlineData("demo-wf1-admin", "xlsx")]
    [InlineData("demo-wf1-admin", "pdf")]
    [InlineData("weifang", "xlsx")]
    [InlineData("weifang", "pdf")]
    public async Task Another_tenant_gets_404_for_the_enterprises_ledger_and_none_of_its_rows(string userName, string extension)
    {
        var token = Token();
        var (admin, confirmed, _) = await TwoHiddenDangersAsync(token);
        var detail = await DetailAsync(admin, confirmed);
        var stranger = await web.ApiClientAsync(userName);

        (await stranger.GetAsync($"/api/v1/hidden-dangers/ledger.{extension}?enterpriseId={detail.EnterpriseId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var own = await stranger.GetAsync($"/api/v1/hidden-dangers/ledger.xlsx?search={token}");
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        Rows(await own.Content.ReadAsByteArrayAsync()).SelectMany(r => r).ShouldNotContain(detail.Number);
    }

    private static string Token() => $"T{Guid.NewGuid():N}"[..9];

    private static string Caption(List<List<string>> rows, string label) => rows.First(r => r.Count > 1 && r[0] == label)[1];

    /// <summary>Each row's cells as text, empty cells as "".</summary>
    private static List<List<string>> Rows(byte[] xlsx)
    {
        // ExcelDataReader's default configuration asks for code page 1252 even for .xlsx.
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var stream = new MemoryStream(xlsx);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var rows = new List<List<string>>();
        while (reader.Read())
        {
            var cells = Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "").ToList();
            while (cells.Count > 0 && cells[^1].Length == 0)
            {
                cells.RemoveAt(cells.Count - 1);
            }

            rows.Add(cells);
        }

        return rows;
    }

    /// <summary>One hidden danger confirmed (整改中) and one pending confirmation, both named with <paramref name="token"/>.</summary>
    private async Task<(HttpClient Admin, Guid Confirmed, Guid Pending)> TwoHiddenDangersAsync(string token)
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var confirmed = await ReportAsync(inspector, token);
        var pending = await ReportAsync(inspector, token);
        var me = await inspector.GetFromJsonAsync<Me>("/api/v1/me");
        var confirmation = new
        {
            rectifierUserId = me!.UserId,
            confirmation = new { level = "General", category = "FireProtection", deadline = Deadline, remediationMeasures = "清理纸箱和木托盘，划定禁放区" },
        };
        (await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{confirmed}/confirm", confirmation)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return (admin, confirmed, pending);
    }

    private static async Task<Guid> ReportAsync(HttpClient client, string token)
    {
        var response = await client.PostAsJsonAsync("/api/v1/hidden-dangers", new
        {
            name = $"消防通道堆放杂物{token}",
            description = Description,
            level = "General",
            source = "Routine",
            location = "二号仓库",
            category = "FireProtection",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    private static async Task<Detail> DetailAsync(HttpClient client, Guid id) => (await client.GetFromJsonAsync<Detail>($"/api/v1/hidden-dangers/{id}"))!;

    private sealed record Me(Guid UserId);

    private sealed record Detail(Guid EnterpriseId, string EnterpriseName, string Number, string ReportedByName, string? RectifierName);
}
