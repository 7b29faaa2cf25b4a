using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Risks.Register;
using DualPrevention.Testing.Workbooks;

namespace DualPrevention.Web.Tests.Risks.Register;

public class RiskRegisterImportEndpointTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static MultipartFormDataContent Upload(byte[] file, string name = "清单.xlsx", string? mapping = null)
    {
        var content = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(part, "file", name);
        if (mapping is not null)
        {
            content.Add(new StringContent(mapping), "mapping");
        }

        return content;
    }

    [Fact]
    public async Task The_sample_list_previews_and_commits_through_the_api_and_another_enterprise_does_not_see_it()
    {
        var admin = await web.ApiClientAsync("demo-wf1-admin");
        var sample = Samples.RiskControlList();

        var preview = await admin.PostAsync("/api/v1/risk-register/imports", Upload(sample));
        var commit = await admin.PostAsync("/api/v1/risk-register/imports?commit=true", Upload(sample));

        preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await preview.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("committed").GetBoolean().ShouldBeFalse();
        body.GetProperty("measures").GetProperty("new").GetInt32().ShouldBe(32);
        body.GetProperty("problems")[0].GetProperty("severity").GetString().ShouldBe("Warning");
        commit.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await commit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("committed").GetBoolean().ShouldBeTrue();

        var neighbour = await web.ApiClientAsync("demo-qd1-admin");
        var theirs = await (await neighbour.PostAsync("/api/v1/risk-register/imports", Upload(sample))).Content.ReadFromJsonAsync<JsonElement>();
        theirs.GetProperty("measures").GetProperty("new").GetInt32().ShouldBe(32);
        theirs.GetProperty("measures").GetProperty("unchanged").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData("qingdao")]
    [InlineData("province")]
    [InlineData("demo-qd1-inspector")]
    public async Task Regulators_and_inspectors_cannot_import(string userName)
    {
        var client = await web.ApiClientAsync(userName);

        var response = await client.PostAsync("/api/v1/risk-register/imports", Upload(RegisterWorkbook.OneEvent(1).Build()));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_refused_file_answers_400_problem_details_with_the_reason()
    {
        var admin = await web.ApiClientAsync("demo-qd2-admin");

        var wrongType = await admin.PostAsync("/api/v1/risk-register/imports", Upload("not a workbook"u8.ToArray(), "清单.xlsx"));
        var tooLarge = await admin.PostAsync("/api/v1/risk-register/imports", Upload(new byte[21 * 1024 * 1024]));

        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        wrongType.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await wrongType.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain(".xlsx");
        tooLarge.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLarge.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("20 MB");
    }

    [Fact]
    public async Task A_commit_of_a_file_with_errors_answers_422_with_the_preview_and_writes_nothing()
    {
        var admin = await web.ApiClientAsync("demo-qd2-admin");
        var file = new XlsxBuilder().Sheet("清单").Row(RegisterWorkbook.Header())
            .Row(RegisterWorkbook.Measure(1, "罐区", "API-1", "储罐", "泄漏", "措施", 9, 5)).Build();

        var response = await admin.PostAsync("/api/v1/risk-register/imports?commit=true", Upload(file));

        response.StatusCode.ShouldBe(HttpStatusCode.UnprocessableEntity);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("errorCount").GetInt32().ShouldBe(1);
        body.GetProperty("problems")[0].GetProperty("column").GetString().ShouldBe("H");
    }

    [Fact]
    public async Task A_mapping_sent_with_the_upload_corrects_an_unrecognised_column()
    {
        var admin = await web.ApiClientAsync("demo-qd2-admin");
        var header = RegisterWorkbook.Header();
        header[11] = "具体措施";
        var file = new XlsxBuilder().Sheet("清单").Row(header)
            .Row(RegisterWorkbook.Measure(1, "罐区", "API-2", "储罐", "泄漏", "措施", 3, 3, 9, "一般风险")).Build();

        var response = await admin.PostAsync("/api/v1/risk-register/imports", Upload(file, mapping: "{\"具体措施\":\"MeasureDescription\"}"));

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("errorCount").GetInt32().ShouldBe(0);
        body.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("letter").GetString() == "L").GetProperty("field").GetString().ShouldBe("MeasureDescription");
    }

    [Fact]
    public async Task The_blank_template_imports_as_a_list_without_rows_and_once_filled_imports_cleanly()
    {
        var admin = await web.ApiClientAsync("demo-qd2-admin");

        var template = await admin.GetByteArrayAsync("/api/v1/risk-register/template");
        var empty = await (await admin.PostAsync("/api/v1/risk-register/imports", Upload(template))).Content.ReadFromJsonAsync<JsonElement>();
        var filled = await (await admin.PostAsync("/api/v1/risk-register/imports", Upload(Fill(template)))).Content.ReadFromJsonAsync<JsonElement>();

        empty.GetProperty("errorCount").GetInt32().ShouldBe(1);
        empty.GetProperty("problems")[0].GetProperty("message").GetString().ShouldBe("工作表只有表头，没有数据行。");
        empty.GetProperty("columns").GetArrayLength().ShouldBe(RiskRegisterLayout.Columns.Count);
        filled.GetProperty("errorCount").GetInt32().ShouldBe(0, filled.ToString());
        filled.GetProperty("warningCount").GetInt32().ShouldBe(0, filled.ToString());
        filled.GetProperty("measures").GetProperty("new").GetInt32().ShouldBe(2);
        filled.GetProperty("skippedSheets")[0].GetProperty("sheet").GetString().ShouldBe(RiskRegisterTemplate.ValuesSheet);
    }

    [Fact]
    public async Task The_import_page_is_for_enterprise_administrators_and_not_for_inspectors_or_regulators()
    {
        var admin = await web.CookieClientAsync("demo-qd1-admin");
        var inspector = await web.CookieClientAsync("demo-qd1-inspector");
        var reviewer = await web.CookieClientAsync("qingdao");

        var page = await admin.GetAsync("/risk-register/import");

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("风险清单导入");
        (await inspector.GetAsync("/risk-register/import")).Headers.Location!.ToString().ShouldContain("/account/access-denied");
        (await reviewer.GetAsync("/risk-register/import")).Headers.Location!.ToString().ShouldContain("/account/access-denied");
    }

    /// <summary>The template with two measures written below its header, in all 29 columns.</summary>
    private static byte[] Fill(byte[] template)
    {
        using var stream = new MemoryStream();
        stream.Write(template);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var sheet = document.WorkbookPart!.WorksheetParts.First();
            var data = sheet.Worksheet.GetFirstChild<SheetData>()!;
            object?[][] rows =
            [
                [1, "液氨罐区（重大危险源）", "370200301", "液氨储罐", "液氨泄漏中毒", "中毒和窒息", "LS", 3, 5, 15, "较大风险", "液位远传报警", "工程技术", "工艺控制", "自动化监控", "液位显示正常", 2, "小时", "公司级", "生产部", "张工", "日常任务", null, null, "1-1补充", null, "8:00", "18:00", "每天"],
                [2, null, null, null, null, null, null, null, null, null, null, "巡检", "操作行为", "操作记录", "隐患排查", "巡检记录完整", 1, "天", "班组级", "生产部", "李工", "技术负责人任务", null, null, null, 3, null, null, "法定工作日"],
            ];
            for (var r = 0; r < rows.Length; r++)
            {
                var number = (uint)(r + 3);
                var row = new Row { RowIndex = number };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    if (rows[r][c] is { } value)
                    {
                        row.Append(new Cell
                        {
                            CellReference = $"{CellReference.ColumnLetter(c)}{number}",
                            DataType = value is string ? CellValues.InlineString : null,
                            InlineString = value is string text ? new InlineString(new Text(text)) : null,
                            CellValue = value is int n ? new CellValue(n) : null,
                        });
                    }
                }

                data.Append(row);
            }
        }

        return stream.ToArray();
    }
}
