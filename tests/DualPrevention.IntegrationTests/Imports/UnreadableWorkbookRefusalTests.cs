using System.Diagnostics;
using DualPrevention.Core;
using DualPrevention.Core.Imports;
using DualPrevention.IntegrationTests.HiddenDangers;
using DualPrevention.Testing;
using DualPrevention.Testing.Workbooks;

namespace DualPrevention.IntegrationTests.Imports;

/// <summary>
/// A workbook nobody can read is refused within a second, on both importers, with what to do: the best candidate
/// header row of each sheet with the columns it recognised and not, and the blank template's address (ADR 0023).
/// </summary>
public class UnreadableWorkbookRefusalTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly byte[] PngRenamedXlsx = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1];

    public static TheoryData<string> Importers => [nameof(ImportRiskControlList), nameof(ImportHiddenDangerLedger)];

    [Theory]
    [MemberData(nameof(Importers))]
    public async Task An_image_renamed_xlsx_is_refused_with_the_template(string importer)
    {
        var message = await RefusalAsync(importer, PngRenamedXlsx);

        message.ShouldContain(".xlsx");
        message.ShouldContain(TemplateOf(importer));
    }

    [Theory]
    [MemberData(nameof(Importers))]
    public async Task A_workbook_without_any_cell_is_refused_naming_its_empty_sheets_with_the_template(string importer)
    {
        var message = await RefusalAsync(importer, new XlsxBuilder().Sheet("Sheet1").Sheet("Sheet2").Build());

        message.ShouldContain("Sheet1");
        message.ShouldContain("Sheet2");
        message.ShouldContain(TemplateOf(importer));
    }

    [Theory]
    [MemberData(nameof(Importers))]
    public async Task A_sheet_without_a_recognisable_header_is_refused_naming_its_best_row_and_what_it_recognised(string importer)
    {
        var file = new XlsxBuilder().Sheet("花名册")
            .Row("职工花名册")
            .Row("序号", "姓名", "电话", "责任部门")
            .Row(1, "张三", "123", "储运车间")
            .Build();

        var message = await RefusalAsync(importer, file);

        message.ShouldContain("花名册");
        message.ShouldContain("2");
        message.ShouldContain("序号");
        message.ShouldContain("姓名");
        message.ShouldContain("电话");
        message.ShouldContain(TemplateOf(importer));
    }

    private static string TemplateOf(string importer) =>
        importer == nameof(ImportRiskControlList) ? ImportRiskControlList.TemplatePath : ImportHiddenDangerLedger.TemplatePath;

    /// <summary>The refusal's message, asserting that the refusal (the second, once the code is loaded) took under a second.</summary>
    private async Task<string> RefusalAsync(string importer, byte[] file)
    {
        await RunAsync(importer, file);
        var clock = Stopwatch.StartNew();
        var message = await RunAsync(importer, file);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(1));
        return message;
    }

    private async Task<string> RunAsync(string importer, byte[] file)
    {
        var actor = As.Enterprise(database.Qd1);
        var refusal = importer == nameof(ImportRiskControlList)
            ? await Should.ThrowAsync<DomainRuleException>(() => As.RunAsync<ImportRiskControlList.Handler, ImportRiskControlList.Result>(
                database, actor, h => h.HandleAsync(actor, new ImportRiskControlList.Command(file, "清单.xlsx", Commit: false), CancellationToken.None)))
            : await Should.ThrowAsync<DomainRuleException>(() => As.RunAsync<ImportHiddenDangerLedger.Handler, ImportHiddenDangerLedger.Result>(
                database, actor, h => h.HandleAsync(actor, new ImportHiddenDangerLedger.Command(file, "台账.xlsx", Commit: false), CancellationToken.None)));
        return refusal.Message;
    }
}
