using System.Text;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Exports;
using static DualPrevention.Core.Tests.Reports.ComplianceReportSample;

namespace DualPrevention.Core.Tests.Reports.Exports;

public class ComplianceCsvWriterTests
{
    [Fact]
    public async Task The_file_starts_with_the_utf8_byte_order_mark_so_excel_reads_chinese()
    {
        var file = await CsvAsync();

        file.Take(3).ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(file, 3, file.Length - 3).ShouldStartWith(Title + "\r\n");
    }

    [Fact]
    public async Task Lines_end_in_crlf_and_the_caption_comes_before_the_header()
    {
        var text = await TextAsync();
        var lines = text.Split("\r\n");

        text.Replace("\r\n", "", StringComparison.Ordinal).ShouldNotContain('\n');
        lines[1].ShouldBe("统计周期,2026年11月（2026-11-01 至 2026-11-30）");
        lines[2].ShouldBe("统计范围,青岛市（370200）");
        lines[3].ShouldBe("生成时间,2026-12-01 08:30（北京时间）");
        lines[4].ShouldBe("生成人,qingdao");
        Parse(lines[5]).ShouldBe(ComplianceColumns.All.Select(c => c.Header(ReportText.Chinese)));
        lines[^1].ShouldBe("");
        lines.Length.ShouldBe(5 + 1 + Rows.Count + 1);
    }

    [Fact]
    public async Task Values_are_as_shown_on_screen_and_codes_are_quoted_text()
    {
        var lines = (await TextAsync()).Split("\r\n");
        var haijing = Parse(lines[6]);

        lines[6].ShouldStartWith($"青岛市,市南区,{Haijing},\"{HaijingCreditCode}\",\"370202\",1,2,3,4,");
        At(haijing, "排查任务完成率").ShouldBe("63%");
        At(haijing, "按期整改率").ShouldBe("67%");
        At(haijing, "运行效果得分").ShouldBe("68.8");
        At(haijing, "应排查").ShouldBe("8");
    }

    [Fact]
    public async Task A_formula_looking_name_gets_an_apostrophe_and_rfc_4180_quotes()
    {
        var line = (await TextAsync()).Split("\r\n")[7];
        var idle = Parse(line);

        line.ShouldContain("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"点击\"\")\"");
        At(idle, "企业名称").ShouldBe("'" + FormulaName);
        At(idle, "排查任务完成率").ShouldBe("");
        At(idle, "否决项").ShouldBe("重大隐患超期未整改");
    }

    [Fact]
    public async Task Totals_rows_are_labelled_with_their_region()
    {
        var lines = (await TextAsync()).Split("\r\n");

        lines.Skip(8).Take(3).Select(l => Parse(l)[2]).ShouldBe(["市南区 合计", "青岛市 合计", "山东省 合计"]);
    }

    private static async Task<byte[]> CsvAsync()
    {
        using var output = new MemoryStream();
        await ComplianceCsvWriter.WriteAsync(output, ComplianceReportSample.Header, StreamAsync(Rows), CancellationToken.None);
        return output.ToArray();
    }

    private static async Task<string> TextAsync()
    {
        var file = await CsvAsync();
        return Encoding.UTF8.GetString(file, 3, file.Length - 3);
    }

    private static string At(List<string> fields, string header) =>
        fields[ComplianceColumns.All.Select(c => c.Header(ReportText.Chinese)).ToList().IndexOf(header)];

    /// <summary>One RFC 4180 record without line breaks inside fields.</summary>
    private static List<string> Parse(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }
}
