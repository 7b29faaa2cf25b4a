using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Exports;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;
using static DualPrevention.Core.Tests.Reports.ComplianceReportSample;

namespace DualPrevention.Core.Tests.Reports.Exports;

public class CompliancePdfWriterTests
{
    [Fact]
    public async Task Every_page_states_title_period_region_generated_at_and_its_number()
    {
        var pages = Pages(await PdfAsync(Many(60)));

        pages.Count.ShouldBeGreaterThanOrEqualTo(2);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain(Title);
            pages[i].ShouldContain("统计周期：2026年11月（2026-11-01 至 2026-11-30）");
            pages[i].ShouldContain("统计范围：青岛市（370200）");
            pages[i].ShouldContain("生成时间：2026-12-01 08:30（北京时间）");
            pages[i].ShouldContain("生成人：qingdao");
            pages[i].ShouldContain($"第 {i + 1} 页");
        }
    }

    [Fact]
    public async Task The_table_header_is_repeated_on_every_page_and_every_row_appears_once()
    {
        var pages = Pages(await PdfAsync(Many(60)));

        pages.ShouldAllBe(p => p.Contains("企业名称") && p.Contains("风险单元") && p.Contains("完成率"));
        var text = string.Concat(pages);
        Enumerable.Range(1, 60).ShouldAllBe(i => Occurrences(text, $"青岛第{i:0000}号化工有限公司") == 1);
        pages[^1].ShouldContain("山东省 合计");
    }

    [Fact]
    public async Task Rates_show_as_rounded_percent_and_empty_ones_as_a_dash()
    {
        var page = Pages(await PdfAsync(Rows)).Single();

        page.ShouldContain(Haijing);
        page.ShouldContain(HaijingCreditCode);
        page.ShouldContain("63%");
        page.ShouldContain("67%");
        page.ShouldContain("68.8");
        page.ShouldContain("—");
        page.ShouldContain(FormulaName);
    }

    [Fact]
    public async Task Totals_rows_are_set_in_bold()
    {
        using var document = Open(await PdfAsync(Rows));
        var words = document.GetPage(1).GetWords().ToList();

        var provinceTotal = words.Single(w => w.Text == "合计" && Before(words, w) == "山东省");
        provinceTotal.Letters.Select(l => FontOf(document, l)).ShouldAllBe(f => f.EndsWith("NotoSansCJKsc-Bold", StringComparison.Ordinal));
        var haijing = words.First(w => w.Text.Contains(Haijing, StringComparison.Ordinal));
        haijing.Letters.Select(l => FontOf(document, l)).ShouldAllBe(f => f.EndsWith("NotoSansCJKsc-Regular", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Long_names_county_names_and_codes_wrap_onto_more_lines_and_are_never_cut_or_shrunk()
    {
        var name = string.Concat(Enumerable.Repeat("青岛市黄岛区石油化工储运有限责任公司", 4));
        const string county = "青岛西海岸新区（黄岛区）灵山卫街道化工产业园";
        const string code = "91370211MA3C4XYZ1K/370211-0001";
        var row = new ComplianceReportRow(
            ComplianceRowKind.Enterprise, "370211", "青岛市", county, Guid.NewGuid(), name, code, HaijingMetrics, Rows[0].Effect);

        using var document = Open(await PdfAsync([row]));
        var page = document.GetPage(1);

        page.Text.ShouldContain(name);
        page.Text.ShouldContain(county);
        page.Text.ShouldContain(code);
        page.Text.ShouldNotContain("…", Case.Sensitive, page.Text);
        var codeLetters = page.Letters.Where(l => l.Value.Length == 1 && "MAXYZK/".Contains(l.Value, StringComparison.Ordinal)).ToList();
        codeLetters.ShouldNotBeEmpty();
        codeLetters.ShouldAllBe(l => Math.Abs(l.PointSize - 6) < 0.01, "a code wraps at the body size instead of being drawn smaller");
    }

    [Fact]
    public async Task A_report_without_rows_is_one_page_saying_so()
    {
        var page = Pages(await PdfAsync([])).Single();

        page.ShouldContain("无数据");
        page.ShouldContain("第 1 页");
    }

    private static async Task<byte[]> PdfAsync(IEnumerable<ComplianceReportRow> rows)
    {
        using var output = new MemoryStream();
        await CompliancePdfWriter.WriteAsync(output, ComplianceReportSample.Header, StreamAsync(rows), CancellationToken.None);
        return output.ToArray();
    }

    /// <summary>
    /// Each page's text in drawing order, as a viewer that honours ActualText copies it: the CJK font draws a radical
    /// (⻘ U+2EC4) and its ideograph (青 U+9752) with one glyph, and the glyph's ToUnicode names the radical.
    /// </summary>
    private static List<string> Pages(byte[] pdf)
    {
        using var document = Open(pdf);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    private static PdfDocument Open(byte[] pdf) => PdfDocument.Open(pdf, new ParsingOptions { UseActualText = true });

    /// <summary>The font a letter is set in, from its descriptor: Skia draws CJK glyphs as Type 3 fonts, which PdfPig names only "Type3".</summary>
    private static string FontOf(PdfDocument document, Letter letter)
    {
        var font = (DictionaryToken)document.Structure.GetObject(letter.FontDetails.FontDictionaryReference!.Value).Data;
        var descriptor = (DictionaryToken)document.Structure.GetObject(((IndirectReferenceToken)font.Data["FontDescriptor"]).Data).Data;
        return ((NameToken)descriptor.Data["FontName"]).Data;
    }

    private static string Before(List<Word> words, Word word) =>
        words[words.IndexOf(word) - 1].Text;

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
