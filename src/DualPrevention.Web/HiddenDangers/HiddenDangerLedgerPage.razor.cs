using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Risks.Register;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DualPrevention.Web.HiddenDangers;

/// <summary>
/// The hidden-danger ledger (台账): an enterprise user's own, a city reviewer's city, the province's all, filtered,
/// sorted and paged on the server. Each row links to the hidden danger's detail page.
/// </summary>
public sealed partial class HiddenDangerLedgerPage
{
    private MudTable<ListHiddenDangers.Row>? _table;
    private (ListHiddenDangers.SortBy By, bool Descending) _sort = (ListHiddenDangers.SortBy.ReportedAt, true);
    private IReadOnlyCollection<HiddenDangerState> _states = [];
    private IReadOnlyList<GetRiskAnalysisUnit.View> _units = [];
    private string? _search;
    private HiddenDangerLevel? _level;
    private bool? _overdue;
    private InspectionSource? _source;
    private HiddenDangerOrigin? _origin;
    private Guid? _unitId;
    private DateRange? _period;
    private bool _showEnterprise;
    private int _total;
    private bool _queueing;
    private Actor _actor = default!;

    [Inject]
    private ListHiddenDangers.Handler Ledger { get; set; } = default!;

    [Inject]
    private ListRiskAnalysisUnits.Handler Units { get; set; } = default!;

    [Inject]
    private ExportHiddenDangerLedger.Handler Export { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>Narrows a regulator's ledger to one enterprise (the drill-down from a dashboard or an enterprise's page).</summary>
    [SupplyParameterFromQuery(Name = "enterprise")]
    public Guid? EnterpriseFilter { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _actor = Actor.From((await AuthenticationState).User);
        _showEnterprise = _actor.Scope.EnterpriseId is null;

        // Counted before the table loads, so the first (prerendered) page already says how the export will be made.
        _total = (await Ledger.HandleAsync(Filters(ListHiddenDangers.SortBy.ReportedAt, descending: true) with { PageSize = 1 }, UntilLeft)).TotalCount;
        if (!_showEnterprise)
        {
            // An enterprise's units name where its hidden dangers were found; a regulator's list spans enterprises.
            _units = (await Units.HandleAsync(new ListRiskAnalysisUnits.Query(PageSize: 200), UntilLeft)).Items;
        }
    }

    /// <summary>Leaving the drill-down (the same page without the filter) reloads the rows.</summary>
    protected override Task OnParametersSetAsync() => _table is null ? Task.CompletedTask : _table.ReloadServerData();

    private async Task<TableData<ListHiddenDangers.Row>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var sort = Enum.TryParse<ListHiddenDangers.SortBy>(state.SortLabel, out var parsed) ? parsed : ListHiddenDangers.SortBy.ReportedAt;
        var descending = state.SortLabel is null || state.SortDirection == SortDirection.Descending;
        // The files, made at once or in the background, list the rows in the table's order (ADR 0035): a new order
        // re-renders the page so that the link carries it.
        if (_sort != (sort, descending))
        {
            _sort = (sort, descending);
            StateHasChanged();
        }

        var query = Filters(sort, descending) with { Page = state.Page + 1, PageSize = state.PageSize };
        try
        {
            var page = await Ledger.HandleAsync(query, cancellationToken);
            _total = page.TotalCount;
            return new TableData<ListHiddenDangers.Row> { Items = page.Items, TotalItems = page.TotalCount };
        }
        catch (ValidationException ex)
        {
            Snackbar.Add(string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)), MudBlazor.Severity.Warning);
            return new TableData<ListHiddenDangers.Row> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>More rows than a file made at once may hold: the export buttons queue a background export.</summary>
    private bool InBackground => _total > ExportHiddenDangerLedger.MaxRows;

    private ListHiddenDangers.Query Filters(ListHiddenDangers.SortBy sort, bool descending) =>
        new([.. _states], _level, _overdue, _source, _origin, _unitId, DateOf(_period?.Start), DateOf(_period?.End), _search, EnterpriseFilter, sort, descending);

    /// <summary>
    /// Queues the file (ADR 0035), in the table's order as the link's file, and says where it will be; the quota's refusal is
    /// shown as it is worded.
    /// </summary>
    private async Task QueueAsync(LedgerFileFormat format)
    {
        _queueing = true;
        try
        {
            await Export.HandleAsync(_actor, new ExportHiddenDangerLedger.Command(Filters(_sort.By, _sort.Descending), format), UntilLeft);
            Snackbar.Add(L["HiddenDanger.ExportQueued"], MudBlazor.Severity.Success);
        }
        catch (DomainRuleException ex)
        {
            Snackbar.Add(ex.Message, MudBlazor.Severity.Warning);
        }
        finally
        {
            _queueing = false;
        }
    }

    /// <summary>The ledger file with the filters shown (ADR 0027: a plain link, usable before the page is interactive).</summary>
    private string ExportHref(string extension)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        parameters.AddRange(_states.Select(s => new KeyValuePair<string, string?>("state", s.ToString())));
        Add("level", _level?.ToString());
        Add("overdue", _overdue is { } overdue ? (overdue ? "true" : "false") : null);
        Add("source", _source?.ToString());
        Add("origin", _origin?.ToString());
        Add("unitId", _unitId?.ToString());
        Add("from", DateOf(_period?.Start)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", DateOf(_period?.End)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("search", string.IsNullOrWhiteSpace(_search) ? null : _search);
        Add("enterpriseId", EnterpriseFilter?.ToString());
        Add("sort", _sort.By.ToString());
        Add("descending", _sort.Descending ? "true" : "false");
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString($"api/v1/hidden-dangers/ledger.{extension}", parameters);

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parameters.Add(new(name, value));
            }
        }
    }

    private static DateOnly? DateOf(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    private Task ReloadAsync() => _table!.ReloadServerData();

    private Task SearchAsync(string? text) => Set(() => _search = text);

    private Task StatesChangedAsync(IEnumerable<HiddenDangerState>? states) => Set(() => _states = states?.ToList() ?? []);

    private Task LevelChangedAsync(HiddenDangerLevel? level) => Set(() => _level = level);

    private Task OverdueChangedAsync(bool? overdue) => Set(() => _overdue = overdue);

    private Task SourceChangedAsync(InspectionSource? source) => Set(() => _source = source);

    private Task OriginChangedAsync(HiddenDangerOrigin? origin) => Set(() => _origin = origin);

    private Task UnitChangedAsync(Guid? unitId) => Set(() => _unitId = unitId);

    private Task PeriodChangedAsync(DateRange? period) => Set(() => _period = period);

    private Task Set(Action change)
    {
        change();
        return ReloadAsync();
    }
}
