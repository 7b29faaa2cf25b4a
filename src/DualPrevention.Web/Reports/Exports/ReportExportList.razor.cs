using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Reports.Exports;
using Microsoft.AspNetCore.Components;

namespace DualPrevention.Web.Reports.Exports;

/// <summary>
/// The caller's own report exports (我的导出) or the monthly archives (月度归档) of their scope, newest first, paged on
/// the server. Queued and running exports are polled every second until they complete or fail.
/// </summary>
public sealed partial class ReportExportList : IAsyncDisposable
{
    private const int PageSize = 20;
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stop = new();
    private Paged<ListReportExports.Item>? _page;
    private bool _polling;

    [Inject]
    private ListReportExports.Handler List { get; set; } = default!;

    [Inject]
    private GetReportExport.Handler Get { get; set; } = default!;

    [Parameter, EditorRequired]
    public Actor Actor { get; set; } = default!;

    /// <summary>The monthly archives (月度归档) instead of the caller's own exports.</summary>
    [Parameter]
    public bool Archives { get; set; }

    [Parameter, EditorRequired]
    public string EmptyText { get; set; } = "";

    private string TestId => Archives ? "archive-table" : "export-table";

    protected override Task OnInitializedAsync() => LoadAsync(1);

    protected override void OnAfterRender(bool firstRender)
    {
        // Only once interactive: a prerendered page has no circuit to push the progress to.
        if (firstRender)
        {
            StartPolling();
        }
    }

    /// <summary>Shows the first page again (e.g. with an export just requested) and follows its progress.</summary>
    public async Task ReloadAsync()
    {
        await LoadAsync(1);
        StartPolling();
    }

    private async Task LoadAsync(int page) =>
        _page = await List.HandleAsync(Actor, new ListReportExports.Query(ArchivesOnly: Archives, Page: page, PageSize: PageSize, OwnOnly: !Archives), _stop.Token);

    private void StartPolling()
    {
        if (!_polling && _page?.Items.Any(IsActive) == true)
        {
            _polling = true;
            _ = PollAsync();
        }
    }

    private async Task PollAsync()
    {
        try
        {
            using var timer = new PeriodicTimer(PollInterval);
            while (_page?.Items.Any(IsActive) == true && await timer.WaitForNextTickAsync(_stop.Token))
            {
                await InvokeAsync(RefreshActiveAsync);
            }
        }
        catch (OperationCanceledException)
        {
            // The circuit closed.
        }
        finally
        {
            _polling = false;
        }
    }

    private async Task RefreshActiveAsync()
    {
        if (_page is null)
        {
            return;
        }

        var items = _page.Items.ToList();
        for (var i = 0; i < items.Count; i++)
        {
            if (IsActive(items[i]))
            {
                items[i] = await Get.HandleAsync(items[i].Id, _stop.Token);
            }
        }

        _page = _page with { Items = items };
        StateHasChanged();
    }

    private static bool IsActive(ListReportExports.Item item) => ReportExportStates.InProgress.Contains(item.Status);

    private string StatusText(ListReportExports.Item item) => item.Status switch
    {
        ReportExportStatus.Queued => L["Reports.Queued"],
        ReportExportStatus.Running => L["Reports.Running", item.Percent ?? 0],
        ReportExportStatus.Completed => L["Reports.Completed"],
        ReportExportStatus.Failed => L["Reports.Failed", item.Error ?? ""],
    };

    private static string Time(DateTimeOffset at) => BusinessTime.ToLocal(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Size(long? bytes) => bytes switch
    {
        null => "",
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _stop.Dispose();
    }
}
