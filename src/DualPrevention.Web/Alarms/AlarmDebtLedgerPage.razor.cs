using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Reports;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;
using MudBlazor;

namespace DualPrevention.Web.Alarms;

/// <summary>
/// The alarm-debt ledger (ADR 0042): a regulator's region or an enterprise's own row, for a month, quarter or year and
/// optionally one source; sorted, searched and paged on the server; the open debt and the part past its deadline link
/// to the alarm list narrowed to that enterprise, and the file has the rows in the table's order.
/// </summary>
public sealed partial class AlarmDebtLedgerPage
{
    private MudTable<SummarizeAlarmDebt.Row>? _table;
    private ReportPeriod _period = default!;
    private int _latestYear;
    private AlarmSource? _source;
    private string? _search;
    private (SummarizeAlarmDebt.SortBy By, bool Descending) _sort = (SummarizeAlarmDebt.SortBy.OpenDebt, true);

    [Inject]
    private SummarizeAlarmDebt.Handler Ledger { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized()
    {
        var today = BusinessTime.LocalDate(Clock.GetUtcNow());
        _period = ReportPeriod.Containing(ReportPeriodKind.Month, today);
        _latestYear = today.Year;
    }

    private async Task<TableData<SummarizeAlarmDebt.Row>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var sort = Enum.TryParse<SummarizeAlarmDebt.SortBy>(state.SortLabel, out var parsed) ? parsed : SummarizeAlarmDebt.SortBy.OpenDebt;
        var descending = state.SortLabel is null || state.SortDirection == SortDirection.Descending;
        if (_sort != (sort, descending))
        {
            // The file's link carries the table's order.
            _sort = (sort, descending);
            StateHasChanged();
        }

        try
        {
            var result = await Ledger.HandleAsync(
                new SummarizeAlarmDebt.Query(_period, null, _source, _search, sort, descending, state.Page + 1, state.PageSize), cancellationToken);
            return new TableData<SummarizeAlarmDebt.Row> { Items = result.Rows.Items, TotalItems = result.Rows.TotalCount };
        }
        catch (ValidationException ex)
        {
            Snackbar.Add(string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)), MudBlazor.Severity.Warning);
            return new TableData<SummarizeAlarmDebt.Row> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>The alarm list of the row's enterprise: its open debt, or the part of it past its deadline (the same source and period end).</summary>
    private string AlarmsHref(SummarizeAlarmDebt.Row row, bool pastDue)
    {
        var parameters = new Dictionary<string, string?>
        {
            ["enterpriseId"] = row.EnterpriseId.ToString(),
            ["before"] = _period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        if (_source is { } source)
        {
            parameters["source"] = source.ToString();
        }

        if (pastDue)
        {
            parameters["pastDue"] = "true";
        }

        return QueryHelpers.AddQueryString("alarms", parameters);
    }

    private string ExportHref
    {
        get
        {
            var parameters = new Dictionary<string, string?>
            {
                ["period"] = _period.Code,
                ["sort"] = _sort.By.ToString(),
                ["descending"] = _sort.Descending ? "true" : "false",
            };
            if (_source is { } source)
            {
                parameters["source"] = source.ToString();
            }

            if (!string.IsNullOrWhiteSpace(_search))
            {
                parameters["search"] = _search;
            }

            return QueryHelpers.AddQueryString("api/v1/alarms/ledger.xlsx", parameters);
        }
    }

    /// <summary>A duration in whole seconds as 45秒, 3分5秒 or 2小时10分; a dash when no alarm reached the step.</summary>
    private string Duration(int? seconds) => seconds switch
    {
        null => "—",
        < 60 => L["AlarmLedger.Seconds", seconds.Value],
        < 3600 => L["AlarmLedger.MinutesSeconds", seconds.Value / 60, seconds.Value % 60],
        _ => L["AlarmLedger.HoursMinutes", seconds.Value / 3600, seconds.Value % 3600 / 60],
    };

    private Task PeriodChangedAsync(ReportPeriod period) => Set(() => _period = period);

    private Task SourceChangedAsync(AlarmSource? source) => Set(() => _source = source);

    private Task SearchAsync(string? text) => Set(() => _search = text);

    private Task Set(Action change)
    {
        change();
        return _table!.ReloadServerData();
    }
}
