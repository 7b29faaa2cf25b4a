using System.IO.Compression;
using System.Text;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;

namespace DualPrevention.IntegrationTests.Imports;

public class ImportRefusalTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private async Task<string> RefusalAsync(byte[] file, string role = Roles.EnterpriseAdmin) =>
        (await Should.ThrowAsync<DomainRuleException>(() => Importer.RunAsync(database, database.Qd1, file, commit: false, role: role))).Message;

    [Fact]
    public async Task A_file_that_is_not_a_workbook_is_refused_by_its_content() =>
        (await RefusalAsync(Encoding.UTF8.GetBytes("%PDF-1.7 not a workbook"))).ShouldContain(".xlsx");

    [Fact]
    public async Task A_file_over_20_MB_is_refused() =>
        (await RefusalAsync(new byte[21 * 1024 * 1024])).ShouldContain("20 MB");

    [Fact]
    public async Task A_zip_bomb_is_refused_before_it_is_unpacked()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("xl/workbook.xml").Open().Dispose();
            await using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 250; i++)
            {
                await sheet.WriteAsync(zeros);
            }
        }

        (await RefusalAsync(stream.ToArray())).ShouldContain("MB");
    }

    [Fact]
    public async Task A_workbook_of_more_than_100000_rows_is_refused()
    {
        var builder = new XlsxBuilder().Sheet("清单").Row(RegisterWorkbook.Header());
        for (var i = 0; i <= 100_030; i++)
        {
            builder.Row(i);
        }

        (await RefusalAsync(builder.Build())).ShouldContain("100,000");
    }

    [Fact]
    public async Task A_workbook_without_a_recognisable_header_is_refused() =>
        (await RefusalAsync(new XlsxBuilder().Sheet("Sheet1").Row("姓名", "电话").Row("张三", "123").Build())).ShouldContain("风险分析对象");

    [Fact]
    public async Task A_damaged_workbook_is_refused_as_unreadable()
    {
        var file = RegisterWorkbook.OneEvent(1).Build();
        file[^40] ^= 0xFF;
        file.AsSpan(200, 400).Clear();

        (await RefusalAsync(file)).ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData(Roles.Inspector)]
    [InlineData(Roles.CityReviewer)]
    public async Task Only_the_enterprise_administrator_or_safety_officer_may_import(string role) =>
        (await RefusalAsync(RegisterWorkbook.OneEvent(1).Build(), role)).ShouldBe(CoreText.Get("Import.NotAllowed"));
}
