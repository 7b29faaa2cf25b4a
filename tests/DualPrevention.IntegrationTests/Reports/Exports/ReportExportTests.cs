using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Risks.Register;
using ExcelDataReader;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Reports.Exports;

public class ReportExportTests(ComplianceDatabase database) : IClassFixture<ComplianceDatabase>
{
    private static readonly ReportPeriod November = ReportPeriod.Month(2026, 11);

    [Fact]
    public async Task A_requested_export_runs_in_the_background_and_its_workbook_holds_the_figures()
    {
        var reviewer = await ActorAsync("qingdao", Roles.CityReviewer);
        var id = await RunAsync<RequestReportExport.Handler, Guid>(reviewer, h => h.HandleAsync(reviewer, new(November, ReportFormat.Xlsx), default));
        (await RunAsync<GetReportExport.Handler, ListReportExports.Item>(reviewer, h => h.HandleAsync(id, default))).Status.ShouldBe(ReportExportStatus.Queued);
        database.ScheduledExports.ShouldContain(id);

        (await RunJobAsync(id)).ShouldBeTrue();
        (await RunJobAsync(id)).ShouldBeFalse("a completed export is not written again");

        var item = await RunAsync<GetReportExport.Handler, ListReportExports.Item>(reviewer, h => h.HandleAsync(id, default));
        item.Status.ShouldBe(ReportExportStatus.Completed);
        (item.Percent, item.FileName, item.RequestedByName).ShouldBe((100, "双重预防机制运行情况报表_青岛市_2026-11.xlsx", "qingdao"));
        var rows = await ReadWorkbookAsync(reviewer, id);
        var header = rows.First(r => r[0] as string == "市");
        var column = Enumerable.Range(0, header.Length).ToDictionary(c => header[c] as string ?? $"#{c}");
        var qd2 = rows.Single(r => r[column["企业名称"]] as string == "青岛示范化工储运有限公司");
        Convert.ToInt32(qd2[column["排查任务完成率"]], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(63);
        Convert.ToInt32(qd2[column["应排查"]], System.Globalization.CultureInfo.InvariantCulture).ShouldBe(8);
        rows.ShouldNotContain(r => r[column["企业名称"]] as string == "潍坊示范化学有限公司");
    }

    [Fact]
    public async Task A_requester_who_reads_English_gets_the_file_named_and_written_in_English()
    {
        var weifang = await ActorAsync("weifang", Roles.CityReviewer);
        await SetCultureAsync("weifang", "en-US");
        try
        {
            var id = await RunAsync<RequestReportExport.Handler, Guid>(weifang, h => h.HandleAsync(weifang, new(November, ReportFormat.Xlsx), default));
            (await RunJobAsync(id)).ShouldBeTrue();

            (await RunAsync<GetReportExport.Handler, ListReportExports.Item>(weifang, h => h.HandleAsync(id, default))).FileName
                .ShouldBe("Dual prevention operation report_潍坊市_2026-11.xlsx");
            var rows = await ReadWorkbookAsync(weifang, id);
            rows[0][0].ShouldBe("Dual prevention operation report");
            rows.ShouldContain(r => r[0] as string == "City" && r[2] as string == "Enterprise");
            rows.ShouldContain(r => r[2] as string == "潍坊市 total");
        }
        finally
        {
            await SetCultureAsync("weifang", "zh-CN");
        }
    }

    [Fact]
    public async Task A_city_reviewer_can_neither_export_another_city_nor_download_its_files()
    {
        var weifang = await ActorAsync("weifang", Roles.CityReviewer);
        var qingdao = await ActorAsync("qingdao", Roles.CityReviewer);
        await Should.ThrowAsync<NotFoundException>(() =>
            RunAsync<RequestReportExport.Handler, Guid>(qingdao, h => h.HandleAsync(qingdao, new(November, ReportFormat.Csv, "370700"), default)));

        var id = await RunAsync<RequestReportExport.Handler, Guid>(weifang, h => h.HandleAsync(weifang, new(November, ReportFormat.Csv), default));
        await RunJobAsync(id);

        await Should.ThrowAsync<NotFoundException>(() => RunAsync<GetReportExport.Handler, GetReportExport.File>(qingdao, h => h.OpenFileAsync(id, default)));
        await Should.ThrowAsync<NotFoundException>(() => RunAsync<GetReportExport.Handler, ListReportExports.Item>(qingdao, h => h.HandleAsync(id, default)));
        var file = await RunAsync<GetReportExport.Handler, GetReportExport.File>(weifang, h => h.OpenFileAsync(id, default));
        await using var content = file.Content;
        using var text = new StreamReader(content);
        var csv = await text.ReadToEndAsync();
        csv.ShouldContain("潍坊示范化学有限公司");
        csv.ShouldNotContain("青岛");
    }

    [Fact]
    public async Task The_monthly_job_archives_each_city_and_the_province_once()
    {
        database.Clock.AdjustTime(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero));
        try
        {
            var first = await ArchiveAsync();
            var second = await ArchiveAsync();

            first.Period.Code.ShouldBe("2026-11");
            first.Made.ShouldBe(6, "青岛市, 潍坊市 and 山东省, each in xlsx and pdf");
            second.Made.ShouldBe(0);
            var province = await ActorAsync("province", Roles.ProvinceStaff);
            var archives = await RunAsync<ListReportExports.Handler, Paged<ListReportExports.Item>>(province, h => h.HandleAsync(province, new(ArchivesOnly: true), default));
            archives.Items.Where(a => a.PeriodCode == "2026-11").Select(a => (a.RegionCode, a.Format)).Order().ShouldBe(
            [
                ("370000", ReportFormat.Xlsx), ("370000", ReportFormat.Pdf), ("370200", ReportFormat.Xlsx), ("370200", ReportFormat.Pdf),
                ("370700", ReportFormat.Xlsx), ("370700", ReportFormat.Pdf),
            ]);
            archives.Items.ShouldAllBe(a => a.Status == ReportExportStatus.Completed && a.RequestedByName == ArchiveMonthlyReports.SystemName);
            var qingdao = await ActorAsync("qingdao", Roles.CityReviewer);
            var cityArchives = await RunAsync<ListReportExports.Handler, Paged<ListReportExports.Item>>(qingdao, h => h.HandleAsync(qingdao, new(ArchivesOnly: true), default));
            cityArchives.Items.Select(a => a.RegionCode).Distinct().ShouldBe(["370200"]);
        }
        finally
        {
            database.Clock.AdjustTime(Inspections.InspectionWindowsBench.MondayMidnight);
        }
    }

    /// <summary>What the language switch keeps on the account (<see cref="ApplicationUser.PreferredCulture"/>).</summary>
    private async Task SetCultureAsync(string userName, string culture)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        await db.Users.Where(u => u.UserName == userName).ExecuteUpdateAsync(s => s.SetProperty(u => u.PreferredCulture, culture));
    }

    private async Task<Actor> ActorAsync(string userName, string role) => await Inspections.InspectionSite.ActorAsync(database, userName, role);

    private async Task<TResult> RunAsync<THandler, TResult>(Actor actor, Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var driver = new RegisterDriver(database);
        return await driver.RunAsync(actor, call);
    }

    private async Task<bool> RunJobAsync(Guid id) => await SystemAsync<RunReportExport.Handler, bool>(h => h.HandleAsync(id, default));

    private Task<ArchiveMonthlyReports.Result> ArchiveAsync() => SystemAsync<ArchiveMonthlyReports.Handler, ArchiveMonthlyReports.Result>(h => h.HandleAsync(default));

    private async Task<TResult> SystemAsync<THandler, TResult>(Func<THandler, Task<TResult>> call)
        where THandler : notnull
    {
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        return await call(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    private async Task<List<object?[]>> ReadWorkbookAsync(Actor actor, Guid id)
    {
        var file = await RunAsync<GetReportExport.Handler, GetReportExport.File>(actor, h => h.OpenFileAsync(id, default));
        await using var content = file.Content;
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer);
        buffer.Position = 0;
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(buffer);
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetValue)]);
        }

        return rows;
    }
}
