using DualPrevention.Core.Accounts;
using DualPrevention.Core.Permits;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DualPrevention.Web.Permits;

/// <summary>
/// The permit list (ADR 0045): the enterprise's permits one page at a time, filtered by type and state, searched by
/// number, work content or location and sorted on the server; each row links to the permit, and its validity counts
/// down from the reader's clock. A regulator, who applies for none, is led to the supervision view of its region's
/// permits, which says why (ADR 0053).
/// </summary>
public sealed partial class WorkPermitListPage
{
    private MudTable<ListWorkPermits.Row>? _table;
    private SpecialOperationType? _type;
    private WorkPermitStatus? _state;
    private string? _search;
    private ListWorkPermits.Sort _sort = ListWorkPermits.Sort.AppliedNewestFirst;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ListWorkPermits.Handler List { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        if (PermitSupervisionPage.IsRegulator(Actor.From((await AuthenticationState).User)))
        {
            Navigation.NavigateTo(PermitSupervisionPage.LedFrom("list"), replace: true);
        }
    }

    private bool Filtered => _type is not null || _state is not null || !string.IsNullOrWhiteSpace(_search);

    private async Task<TableData<ListWorkPermits.Row>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, UntilLeft);
        try
        {
            var result = await List.HandleAsync(new ListWorkPermits.Query(_type, _state, _search, _sort, state.Page + 1, state.PageSize), both.Token);
            return new TableData<ListWorkPermits.Row> { Items = result.Items, TotalItems = result.TotalCount };
        }
        catch (ValidationException ex)
        {
            Snackbar.Add(string.Join(" ", ex.Errors.Select(e => e.ErrorMessage)), MudBlazor.Severity.Warning);
            return new TableData<ListWorkPermits.Row> { Items = [], TotalItems = 0 };
        }
    }

    /// <summary>The time left on an issued permit's validity, a warning once past it, a dash before it is issued.</summary>
    private string Countdown(ListWorkPermits.Row row)
    {
        if (row.ValidUntil is not { } until)
        {
            return "—";
        }

        var left = until - Clock.GetUtcNow();
        if (left <= TimeSpan.Zero)
        {
            return L["Permits.ValidPast"];
        }

        var text = left.TotalHours >= 24
            ? L["Permits.Days", (int)left.TotalDays, left.Hours]
            : left.TotalMinutes >= 60 ? L["Permits.Hours", (int)left.TotalHours, left.Minutes] : L["Permits.Minutes", Math.Max(1, (int)left.TotalMinutes)];
        return L["Permits.ValidLeft", text];
    }

    private Task TypeChangedAsync(SpecialOperationType? type) => Set(() => _type = type);

    private Task StateChangedAsync(WorkPermitStatus? state) => Set(() => _state = state);

    private Task SearchAsync(string? text) => Set(() => _search = text);

    private Task SortChangedAsync(ListWorkPermits.Sort sort) => Set(() => _sort = sort);

    private Task Set(Action change)
    {
        change();
        return _table!.ReloadServerData();
    }
}
