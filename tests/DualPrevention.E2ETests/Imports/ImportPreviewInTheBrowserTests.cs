using DualPrevention.Testing.Workbooks;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Imports;

/// <summary>
/// The import previews walked as a person does with a real workbook (docs/import-corpus.md): the sheet's questions
/// answered once, skipped rows and ignored columns read with their row numbers and letters, a column mapped by hand
/// and remembered for the enterprise's next upload.
/// </summary>
public class ImportPreviewInTheBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_JHA_record_without_class_level_cycle_or_department_is_answered_in_the_preview_imported_and_found_in_the_register()
    {
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-qd2-admin");
        await page.GotoAsync("/risk-register/import");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=import-choose]:not([disabled])");

        await UploadAsync(page, Xls("JHA记录表.xls", CorpusWorkbooks.JhaRecord()), "[data-testid=import-questions]");
        await AnswerAsync(page);

        var skipped = page.Locator("[data-testid=import-skipped-rows]");
        await skipped.ClickAsync();
        await Assertions.Expect(skipped.Locator("tr", new() { HasText = "工作危害分析（JHA）记录表" }).Locator("td").Nth(1)).ToHaveTextAsync("1");
        await Assertions.Expect(skipped.Locator("tr", new() { HasText = "单位：储运车间" }).Locator("td").Nth(1)).ToHaveTextAsync("2");
        await Assertions.Expect(skipped.Locator("tr", new() { HasText = "分析人员：张三" }).Locator("td").Nth(1)).ToHaveTextAsync("8");
        await Assertions.Expect(skipped.Locator("tr", new() { HasText = "分析人员：张三" })).ToContainTextAsync("说明行");
        var ignored = page.Locator("[data-testid=import-problems] tr", new() { HasText = "建议改进措施" }).Locator("td");
        await Assertions.Expect(ignored.Nth(2)).ToHaveTextAsync("4");
        await Assertions.Expect(ignored.Nth(3)).ToHaveTextAsync("J 建议改进措施");

        await page.ClickAsync("[data-testid=import-commit]");
        await page.ClickAsync(".mud-dialog-actions button:has-text('确认导入')");
        await Assertions.Expect(page.Locator("[data-testid=import-committed]")).ToContainTextAsync("新增管控措施 3 条");

        await page.GotoAsync("/risk-register");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=register-search]");
        await page.Locator("[data-testid=register-search]").FillAsync("鹤管");
        await page.Locator("[data-testid=register-search]").PressAsync("Enter");
        var jha = page.Locator("[data-testid=risk-object]", new() { HasText = CorpusWorkbooks.JhaSheet });
        await Assertions.Expect(jha.Locator("[data-testid=risk-unit]", new() { HasText = "连接装车鹤管" })).ToBeVisibleAsync();
        await Assertions.Expect(jha.Locator("[data-testid=risk-unit]", new() { HasText = "拆卸鹤管" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_ledger_column_mapped_by_hand_is_remembered_on_the_next_upload_of_the_enterprise()
    {
        const string Reviewer = "销号人";
        var page = await browser.NewPageAsync();
        await BrowserFixture.SignInAsync(page, "demo-wf1-admin");
        await page.GotoAsync("/hidden-dangers/import");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=ledger-import-choose]:not([disabled])");
        var file = Xls("10月台账.xls", CorpusWorkbooks.MonthlyLedger(Reviewer));

        await UploadAsync(page, file, "[data-testid=ledger-import-counts]");
        await Assertions.Expect(page.Locator("[data-testid=import-problems] tr", new() { HasText = Reviewer })).ToContainTextAsync($"J {Reviewer}");
        await Assertions.Expect(page.Locator("[data-testid=import-skipped-rows]")).ToContainTextAsync("（2）");
        var mapping = page.Locator("[data-testid=import-mapping]");
        await Assertions.Expect(mapping).ToContainTextAsync("1 列未导入");
        await mapping.ClickAsync();
        for (var attempt = 1; ; attempt++)
        {
            await PickAsync(page, mapping.Locator("tr", new() { HasText = Reviewer }).Locator(".mud-select"), "复查人");
            await page.ClickAsync("[data-testid=import-rerun]");
            try
            {
                await Assertions.Expect(mapping).ToContainTextAsync("0 列未导入", new() { Timeout = 8_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }

        await page.ClickAsync("[data-testid=ledger-import-commit]");
        await page.ClickAsync(".mud-dialog-actions button:has-text('确认导入')");
        await Assertions.Expect(page.Locator("[data-testid=ledger-import-committed]")).ToContainTextAsync("2");

        await page.GotoAsync("/hidden-dangers/import");
        await BrowserFixture.WaitForPageAsync(page, "[data-testid=ledger-import-choose]:not([disabled])");
        await UploadAsync(page, file, "[data-testid=ledger-import-counts]");
        await Assertions.Expect(page.Locator("[data-testid=import-mapping]")).ToContainTextAsync("0 列未导入");
        await Assertions.Expect(page.Locator("[data-testid=import-problems] tr", new() { HasText = Reviewer })).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Sets the class, control level, cycle and department for all rows of the sheet and checks again until the
    /// import may be committed: on a busy machine a pick can land while its popover closes, and a person picks again.
    /// </summary>
    private static async Task AnswerAsync(IPage page)
    {
        for (var attempt = 1; ; attempt++)
        {
            await PickAsync(page, page.Locator("[data-testid=import-question-Classify2] .mud-select"), "3-2");
            await PickAsync(page, page.Locator("[data-testid=import-question-ControlLevel] .mud-select"), "班组级");
            await FillAsync(page.Locator("[data-testid=import-question-CycleValue] input"), "1天");
            await FillAsync(page.Locator("[data-testid=import-question-ResponsibleDepartment] input"), "储运车间");
            await page.ClickAsync("[data-testid=import-answer]");
            try
            {
                await Assertions.Expect(page.Locator("[data-testid=import-commit]")).ToBeEnabledAsync(new() { Timeout = 8_000 });
                await Assertions.Expect(page.Locator("[data-testid=import-errors]")).ToContainTextAsync("0");
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    private static async Task PickAsync(IPage page, ILocator select, string option)
    {
        await select.First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = option }).First.ClickAsync();
    }

    private static async Task FillAsync(ILocator field, string value)
    {
        await field.FillAsync(value);
        await field.PressAsync("Tab");
    }

    private static FilePayload Xls(string name, byte[] buffer) => new() { Name = name, MimeType = "application/vnd.ms-excel", Buffer = buffer };

    /// <summary>Chooses the file until <paramref name="outcome"/> appears: a choice made before the input's script attaches is lost.</summary>
    private static async Task UploadAsync(IPage page, FilePayload file, string outcome)
    {
        for (var attempt = 1; ; attempt++)
        {
            await page.SetInputFilesAsync("input[type=file]", file);
            try
            {
                await page.WaitForSelectorAsync(outcome, new PageWaitForSelectorOptions { Timeout = 5_000 });
                return;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
    }
}
