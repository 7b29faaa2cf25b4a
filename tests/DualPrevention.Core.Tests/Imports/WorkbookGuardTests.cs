using System.IO.Compression;
using System.Text;
using DualPrevention.Core.Imports;

namespace DualPrevention.Core.Tests.Imports;

public class WorkbookGuardTests
{
    private const string Template = "/api/v1/risk-register/template";

    [Fact]
    public void A_text_file_renamed_to_xlsx_is_refused_as_the_wrong_type() =>
        Should.Throw<DomainRuleException>(() => WorkbookGuard.Inspect(Encoding.UTF8.GetBytes("序号,风险分析对象\n1,罐区\n"), Template))
            .Message.ShouldContain(".xlsx");

    [Fact]
    public void A_zip_that_is_not_a_workbook_is_refused_as_the_wrong_type() =>
        Should.Throw<DomainRuleException>(() => WorkbookGuard.Inspect(Zip(("word/document.xml", 100)), Template))
            .Message.ShouldContain(".xlsx");

    [Fact]
    public void An_empty_file_is_refused() => Should.Throw<DomainRuleException>(() => WorkbookGuard.Inspect([], Template));

    [Fact]
    public void A_file_over_20_MB_is_refused_before_anything_reads_it()
    {
        var file = new byte[(int)ImportLimits.MaxFileBytes + 1];
        "PK\u0003\u0004"u8.CopyTo(file);

        Should.Throw<DomainRuleException>(() => WorkbookGuard.Inspect(file, Template)).Message.ShouldContain("20");
    }

    [Fact]
    public void A_zip_bomb_is_refused_from_its_central_directory()
    {
        var bomb = Zip(("xl/workbook.xml", 100), ("xl/worksheets/sheet1.xml", 300 * 1024 * 1024));

        bomb.Length.ShouldBeLessThan(1024 * 1024);
        Should.Throw<DomainRuleException>(() => WorkbookGuard.Inspect(bomb, Template)).Message.ShouldContain("MB");
    }

    [Fact]
    public void A_legacy_xls_is_recognised_by_its_ole_signature() =>
        WorkbookGuard.Inspect([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0], Template).ShouldBe(WorkbookFormat.Xls);

    private static byte[] Zip(params (string Name, int Zeros)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            foreach (var (name, size) in entries)
            {
                using var entry = zip.CreateEntry(name, CompressionLevel.SmallestSize).Open();
                for (var left = size; left > 0; left -= zeros.Length)
                {
                    entry.Write(zeros, 0, Math.Min(left, zeros.Length));
                }
            }
        }

        return stream.ToArray();
    }
}
