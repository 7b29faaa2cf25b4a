using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using UglyToad.PdfPig;

namespace DualPrevention.Web.Tests.HiddenDangers;

/// <summary>
/// The 隐患整改通知书 and 整改验收单 over HTTP: read back from the PDF they carry the hidden danger's fields, photos and
/// page numbers; before they exist they answer 400; another tenant gets 404.
/// </summary>
public class HiddenDangerPaperEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private static readonly string Deadline = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Longer than one line of the form: it must wrap, every character kept.</summary>
    private static readonly string Description = string.Concat(Enumerable.Repeat("二号仓库东侧消防通道堆放纸箱和木托盘，阻塞疏散通道；", 6));

    private sealed record Created(Guid Id);

    [Fact]
    public async Task The_rectification_notice_names_finder_description_level_measures_rectifier_and_deadline()
    {
        var (inspector, admin, id) = await ConfirmedAsync();
        (await UploadAsync(inspector, id, "Finding")).StatusCode.ShouldBe(HttpStatusCode.Created);

        var response = await admin.GetAsync($"/api/v1/hidden-dangers/{id}/rectification-notice.pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(), new ParsingOptions { UseActualText = true });
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        var detail = await DetailAsync(admin, id);
        text.ShouldContain("隐患整改通知书");
        text.ShouldContain($"隐患编号：{detail.Number}");
        text.ShouldContain($"发现人{detail.ReportedByName}");
        text.ShouldContain(Flat(Description));
        text.ShouldContain("隐患级别一般隐患");
        text.ShouldContain("整改措施清理纸箱和木托盘，划定禁放区");
        text.ShouldContain($"整改责任人{detail.RectifierName}");
        text.ShouldContain($"整改期限{Deadline}");
        text.ShouldContain($"通知人（签字）：{detail.Timeline.Single(e => e.Action == "Confirm").ByName}");
        text.ShouldContain($"第 1 页 共 {pdf.NumberOfPages} 页");
        pdf.GetPages().SelectMany(p => p.GetImages()).Count().ShouldBe(1, "the photo before rectification");
    }

    [Fact]
    public async Task The_acceptance_record_carries_the_rectification_the_result_and_photos_before_and_after()
    {
        var (inspector, admin, id) = await ConfirmedAsync();
        (await UploadAsync(inspector, id, "Finding")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await admin.GetAsync($"/api/v1/hidden-dangers/{id}/acceptance-record.pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await UploadAsync(inspector, id, "AfterRectification")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await inspector.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/rectification", new { note = "纸箱已清走，地面划线" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/accept", new { comment = "通道畅通" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var response = await admin.GetAsync($"/api/v1/hidden-dangers/{id}/acceptance-record.pdf");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(), new ParsingOptions { UseActualText = true });
        var text = string.Concat(pdf.GetPages().Select(p => p.Text));
        text.ShouldContain("隐患整改验收单");
        text.ShouldContain($"隐患编号：{(await DetailAsync(admin, id)).Number}");
        text.ShouldContain("整改情况纸箱已清走，地面划线");
        text.ShouldContain("验收结果验收通过");
        text.ShouldContain("验收意见通道畅通");
        text.ShouldContain($"验收人{(await DetailAsync(admin, id)).AccepterName}");
        text.ShouldContain("整改前照片");
        text.ShouldContain("整改后照片");
        text.ShouldContain($"共 {pdf.NumberOfPages} 页");
        pdf.GetPages().SelectMany(p => p.GetImages()).Count().ShouldBe(2);
    }

    [Fact]
    public async Task Before_confirmation_there_is_no_notice()
    {
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var id = await ReportAsync(admin);

        (await admin.GetAsync($"/api/v1/hidden-dangers/{id}/rectification-notice.pdf")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("demo-wf1-admin")]
    [InlineData("weifang")]
    public async Task Another_tenant_gets_neither_paper(string userName)
    {
        var (inspector, admin, id) = await ConfirmedAsync();
        (await UploadAsync(inspector, id, "AfterRectification")).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await inspector.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/rectification", new { note = "已清理" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/accept", new { comment = "合格" })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var stranger = await web.ApiClientAsync(userName);

        (await stranger.GetAsync($"/api/v1/hidden-dangers/{id}/rectification-notice.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stranger.GetAsync($"/api/v1/hidden-dangers/{id}/acceptance-record.pdf")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>PdfPig's page text has no line breaks: the wrapped description reads back in one piece.</summary>
    private static string Flat(string text) => text.Replace("\n", "", StringComparison.Ordinal);

    private async Task<(HttpClient Inspector, HttpClient Admin, Guid Id)> ConfirmedAsync()
    {
        var inspector = await web.ApiClientAsync("demo-qd1-inspector");
        var admin = await web.ApiClientAsync("demo-qd1-admin");
        var id = await ReportAsync(inspector);
        var me = await inspector.GetFromJsonAsync<Me>("/api/v1/me");
        var confirmation = new
        {
            rectifierUserId = me!.UserId,
            confirmation = new { level = "General", category = "FireProtection", deadline = Deadline, remediationMeasures = "清理纸箱和木托盘，划定禁放区" },
        };
        (await admin.PostAsJsonAsync($"/api/v1/hidden-dangers/{id}/confirm", confirmation)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        return (inspector, admin, id);
    }

    private static async Task<Guid> ReportAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/hidden-dangers", new
        {
            name = "消防通道堆放杂物",
            description = Description,
            level = "General",
            source = "Routine",
            location = "二号仓库",
            category = "FireProtection",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid id, string kind)
    {
        var image = new ByteArrayContent(Png);
        image.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return client.PostAsync($"/api/v1/hidden-dangers/{id}/photos", new MultipartFormDataContent { { image, "file", "photo.png" }, { new StringContent(kind), "kind" } });
    }

    private static async Task<Detail> DetailAsync(HttpClient client, Guid id) => (await client.GetFromJsonAsync<Detail>($"/api/v1/hidden-dangers/{id}"))!;

    private sealed record Me(Guid UserId);

    private sealed record Detail(string Number, string ReportedByName, string? RectifierName, string? AccepterName, List<TimelineEntry> Timeline);

    private sealed record TimelineEntry(string Action, string ByName);
}
