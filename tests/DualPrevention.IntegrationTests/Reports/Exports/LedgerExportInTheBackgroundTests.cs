using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Inspections;
using DualPrevention.Testing;
using ExcelDataReader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;

namespace DualPrevention.IntegrationTests.Reports.Exports;

/// <summary>
/// A ledger over <see cref="ExportHiddenDangerLedger.MaxRows"/> rows is written by a background export (ADR 0035):
/// queued, written once however often the job runs, read back with every row, told to its requester, downloadable only
/// in the requester's scope and counted by the export quota.
/// </summary>
public class LedgerExportInTheBackgroundTests(LedgerExportInTheBackgroundTests.LargeLedgerDatabase database)
    : IClassFixture<LedgerExportInTheBackgroundTests.LargeLedgerDatabase>
{
    [Fact]
    public async Task A_ledger_of_5001_rows_is_queued_and_its_workbook_holds_every_row_once_written()
    {
        var admin = await InspectionSite.ActorAsync(database, "demo-qd2-admin", Roles.EnterpriseAdmin);
        var earlierNotices = (await NoticesAsync(admin, LedgerExportReadyNotice.Key)).Count;

        var result = await ExportAsync(admin, LedgerFileFormat.Xlsx);

        result.File.ShouldBeNull();
        var id = result.ExportId.ShouldNotBeNull();
        database.ScheduledExports.ShouldContain(id);
        (await ItemAsync(admin, id)).Status.ShouldBe(ReportExportStatus.Queued);
        (await RunJobAsync(id)).ShouldBeTrue();
        (await RunJobAsync(id)).ShouldBeFalse("a retry after completion writes no second file and sends no second notice");

        var item = await ItemAsync(admin, id);
        (item.Status, item.RowsWritten, item.Percent).ShouldBe((ReportExportStatus.Completed, LargeLedgerDatabase.Rows, 100));
        item.FileName.ShouldStartWith("隐患排查治理台账_青岛示范化工储运有限公司_", Case.Sensitive, "named in the requester's language");
        item.FileName.ShouldEndWith(".xlsx");
        var rows = Rows(await FileAsync(admin, id));
        var header = rows.Single(r => r.Count > 0 && r[0] == "隐患编号");
        var numbers = rows.Skip(rows.IndexOf(header) + 1).Select(r => r[0]).ToList();
        numbers.Count.ShouldBe(LargeLedgerDatabase.Rows);
        numbers.ShouldBe(await NumbersAsync(), ignoreOrder: true);
        rows.First(r => r.Count > 1 && r[0] == "条数")[1].ShouldBe("5001");

        var notices = await NoticesAsync(admin, LedgerExportReadyNotice.Key);
        notices.Count.ShouldBe(earlierNotices + 1, "one notice however often the job ran");
        var notice = notices[0];
        notice.Link.ShouldBe("reports");
        notice.Render(CultureInfo.GetCultureInfo("zh-CN")).Body.ShouldContain($"{item.FileName}（共 5001 条）");
        notice.Render(CultureInfo.GetCultureInfo("en-US")).Body.ShouldContain($"{item.FileName} (5001 rows)");
    }

    [Theory]
    [InlineData("qingdao", Roles.CityReviewer, "370200")]
    [InlineData("admin", Roles.Admin, "370000")]
    public async Task A_regulators_large_ledger_is_queued_under_their_region_and_its_notice_reaches_their_inbox_only(string userName, string role, string region)
    {
        var regulator = await InspectionSite.ActorAsync(database, userName, role);

        var id = (await ExportAsync(regulator, LedgerFileFormat.Xlsx)).ExportId.ShouldNotBeNull();
        (await RunJobAsync(id)).ShouldBeTrue();

        var item = await ItemAsync(regulator, id);
        item.Status.ShouldBe(ReportExportStatus.Completed);
        var notice = (await NoticesAsync(regulator, LedgerExportReadyNotice.Key)).ShouldHaveSingleItem("the regulator is told, as an enterprise's requester is");
        (notice.EnterpriseId, notice.RegionCode, notice.Link).ShouldBe((null, region, "reports"));
        var inbox = await InspectionSite.AsAsync<ListMyNotifications.Handler, Paged<ListMyNotifications.Item>>(
            database, regulator, h => h.HandleAsync(regulator, new ListMyNotifications.Query(), default));
        inbox.Items.ShouldContain(i => i.Id == notice.Id && i.Body.Contains(item.FileName, StringComparison.Ordinal));

        await using (var otherCity = database.AppContext(TenantScope.ForRegion("370700")))
        {
            (await otherCity.Notifications.IgnoreQueryFilters([DualPreventionDbContext.TenantFilter]).AnyAsync(n => n.Id == notice.Id))
                .ShouldBeFalse("row-level security keeps a region's notice from another city");
        }

        await using (var enterprise = database.AppContext(TenantScope.ForEnterprise(database.Qd2)))
        {
            (await enterprise.Notifications.IgnoreQueryFilters([DualPreventionDbContext.TenantFilter]).AnyAsync(n => n.Id == notice.Id))
                .ShouldBeFalse("nor from an enterprise of the region");
        }
    }

    [Fact]
    public async Task A_ledger_of_5001_rows_is_written_to_a_PDF_holding_every_row_with_its_page_count()
    {
        var admin = await InspectionSite.ActorAsync(database, "demo-qd2-admin", Roles.EnterpriseAdmin);
        var id = (await ExportAsync(admin, LedgerFileFormat.Pdf)).ExportId.ShouldNotBeNull();

        (await RunJobAsync(id)).ShouldBeTrue();

        using var pdf = PdfDocument.Open(await FileAsync(admin, id), new ParsingOptions { UseActualText = true });
        var pages = pdf.GetPages().Select(p => p.Text).ToList();
        pages[0].ShouldContain("隐患排查治理台账");
        pages[^1].ShouldContain($"第 {pdf.NumberOfPages} 页 共 {pdf.NumberOfPages} 页");
        var text = string.Concat(pages);
        (await NumbersAsync()).Where(n => !text.Contains(n, StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("demo-qd1-admin", Roles.EnterpriseAdmin)]
    [InlineData("weifang", Roles.CityReviewer)]
    public async Task Another_enterprise_or_city_gets_404_for_the_export_and_its_file(string userName, string role)
    {
        var admin = await InspectionSite.ActorAsync(database, "demo-qd2-admin", Roles.EnterpriseAdmin);
        var id = (await ExportAsync(admin, LedgerFileFormat.Xlsx)).ExportId.ShouldNotBeNull();
        await RunJobAsync(id);
        var stranger = await InspectionSite.ActorAsync(database, userName, role);

        await Should.ThrowAsync<NotFoundException>(() => InspectionSite.AsAsync<GetReportExport.Handler, ListReportExports.Item>(database, stranger, h => h.HandleAsync(id, default)));
        await Should.ThrowAsync<NotFoundException>(() => InspectionSite.AsAsync<GetReportExport.Handler, GetReportExport.File>(database, stranger, h => h.OpenFileAsync(id, default)));
        (await FileAsync(admin, id)).Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Large_ledgers_count_against_the_export_quota_with_compliance_reports()
    {
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd2-inspector", Roles.Inspector);
        var limits = new ReportExportLimits();
        var queued = new List<Guid>();
        for (var i = 0; i < limits.MaxInProgressPerUser; i++)
        {
            queued.Add((await ExportAsync(inspector, LedgerFileFormat.Xlsx)).ExportId.ShouldNotBeNull());
        }

        var refused = await Should.ThrowAsync<QuotaExceededException>(() => ExportAsync(inspector, LedgerFileFormat.Pdf));
        refused.RetryAfter.ShouldBe(limits.RetryAfter);
        await Should.ThrowAsync<QuotaExceededException>(() => InspectionSite.AsAsync<RequestReportExport.Handler, Guid>(
            database, inspector, h => h.HandleAsync(inspector, new(Core.Reports.ReportPeriod.Month(2026, 10), ReportFormat.Csv), default)));

        (await RunJobAsync(queued[0])).ShouldBeTrue();
        (await ExportAsync(inspector, LedgerFileFormat.Xlsx)).ExportId.ShouldNotBeNull("one finished, so one more may wait");
    }

    [Fact]
    public async Task A_ledger_within_the_limit_is_still_made_at_once()
    {
        var admin = await InspectionSite.ActorAsync(database, "demo-qd2-admin", Roles.EnterpriseAdmin);
        var queries = new ListHiddenDangers.Query(Search: "台账隐患0001");

        var result = await InspectionSite.AsAsync<ExportHiddenDangerLedger.Handler, ExportHiddenDangerLedger.Result>(
            database, admin, h => h.HandleAsync(admin, new(queries, LedgerFileFormat.Xlsx), default));

        result.ExportId.ShouldBeNull();
        var rows = Rows(result.File.ShouldNotBeNull().Content);
        rows.Count(r => r.Count > 3 && r[3].StartsWith("台账隐患0001", StringComparison.Ordinal)).ShouldBe(1);
    }

    private Task<ExportHiddenDangerLedger.Result> ExportAsync(Actor actor, LedgerFileFormat format) =>
        InspectionSite.AsAsync<ExportHiddenDangerLedger.Handler, ExportHiddenDangerLedger.Result>(
            database, actor, h => h.HandleAsync(actor, new(new ListHiddenDangers.Query(), format), default));

    private Task<ListReportExports.Item> ItemAsync(Actor actor, Guid id) =>
        InspectionSite.AsAsync<GetReportExport.Handler, ListReportExports.Item>(database, actor, h => h.HandleAsync(id, default));

    private async Task<byte[]> FileAsync(Actor actor, Guid id)
    {
        var file = await InspectionSite.AsAsync<GetReportExport.Handler, GetReportExport.File>(database, actor, h => h.OpenFileAsync(id, default));
        await using var content = file.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task<bool> RunJobAsync(Guid id)
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await scope.ServiceProvider.GetRequiredService<RunReportExport.Handler>().HandleAsync(id, default);
    }

    private async Task<List<string>> NumbersAsync()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.HiddenDangers.Where(h => h.EnterpriseId == database.Qd2).Select(h => h.Number).ToListAsync();
    }

    private async Task<List<Notification>> NoticesAsync(Actor actor, string key)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        return await db.Notifications.Where(n => n.RecipientUserId == actor.Scope.UserId && n.TemplateKey == key).ToListAsync();
    }

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
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "").ToList());
        }

        return rows;
    }

    /// <summary>The demo data with <see cref="Rows"/> hidden dangers of demo-qd2 (青岛), one more than a file made at once may hold.</summary>
    public sealed class LargeLedgerDatabase : DemoDatabase
    {
        public const int Rows = ExportHiddenDangerLedger.MaxRows + 1;

        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            await HiddenDangerSeed.FillLedgerAsync(this, Qd2, Rows);
        }
    }
}
