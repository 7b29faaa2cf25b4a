using DualPrevention.Core.Papers;
using UglyToad.PdfPig;

namespace DualPrevention.Core.Tests.Papers;

public class PaperPdfWriterTests
{
    private static readonly DateTimeOffset PrintedAt = new(2026, 12, 6, 1, 30, 0, TimeSpan.Zero);

    [Fact]
    public void A_long_value_wraps_without_losing_a_character_and_the_form_flows_onto_numbered_pages()
    {
        var measures = string.Concat(Enumerable.Range(1, 120).Select(i => $"第{i}条整改措施：更换老化垫片并复测；"));
        var paper = new PaperDocument(
            "隐患整改通知书",
            "隐患编号：HD-0001　　单位：青岛海晶化工",
            [new PaperField("隐患名称", "罐区法兰泄漏"), new PaperField("整改措施", measures), new PaperField("整改期限", "2026-12-20")],
            "请按期整改。",
            [new PaperSignature("接收人", null, null)],
            [],
            PrintedAt,
            "qingdao");

        using var pdf = PdfDocument.Open(PaperPdfWriter.Write(paper), new ParsingOptions { UseActualText = true });
        var pages = pdf.GetPages().Select(p => p.Text).ToList();

        pages.Count.ShouldBeGreaterThanOrEqualTo(2);
        for (var i = 0; i < pages.Count; i++)
        {
            pages[i].ShouldContain("隐患整改通知书");
            pages[i].ShouldContain("隐患编号：HD-0001");
            pages[i].ShouldContain($"第 {i + 1} 页 共 {pages.Count} 页");
            pages[i].ShouldContain("打印时间：2026-12-06 09:30（北京时间）");
        }

        var text = string.Concat(pages);
        text.ShouldContain("整改措施" + measures[..40]);
        Enumerable.Range(1, 120).ShouldAllBe(i => text.Contains($"第{i}条整改措施", StringComparison.Ordinal));
        text.ShouldContain("接收人（签字）：");
    }

    [Fact]
    public void Line_ends_in_a_value_start_new_lines()
    {
        var paper = new PaperDocument("整改验收单", "", [new PaperField("整改情况", "一、清理\n二、划线")], null, [], [], PrintedAt, "admin");

        using var pdf = PdfDocument.Open(PaperPdfWriter.Write(paper), new ParsingOptions { UseActualText = true });
        var first = pdf.GetPage(1).Letters.First(l => l.Value == "一");
        var second = pdf.GetPage(1).Letters.First(l => l.Value == "二");
        second.Location.Y.ShouldBeLessThan(first.Location.Y);
    }
}
