using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Permits;
using DualPrevention.Core.Tenancy;
using DualPrevention.Web.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DualPrevention.Web.Permits;

/// <summary>
/// 特殊作业监管 (ADR 0045): a city reviewer's city or the province for a period (default this year), counted on the
/// server in one grouped pass; the enterprises paged, the breakdown by type, grade and state, and below, the permits
/// behind a clicked number, paged and sorted, each linking to its read-only page where the city bureau spot-checks.
/// </summary>
public sealed partial class PermitSupervisionPage
{
    private readonly FormErrors _errors = new();
    private GetPermitSupervision.Result? _view;
    private MudTable<GetPermitSupervision.EnterpriseRow>? _enterprises;
    private MudTable<ListSupervisedPermits.Row>? _list;
    private DrillDown? _drill;
    private ListSupervisedPermits.Sort _sort = ListSupervisedPermits.Sort.AppliedNewestFirst;
    private Actor _actor = default!;
    private DateTime? _from;
    private DateTime? _to;
    private string? _region;
    private string? _refusal;
    private bool _loading;

    /// <summary>The figure whose permits are listed, narrowed to an enterprise, type or state.</summary>
    private sealed record DrillDown(ListSupervisedPermits.Figure Figure, Guid? EnterpriseId, SpecialOperationType? Type, WorkPermitStatus? Status);

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The enterprise page a regulator opened and was led here from: <c>list</c> (作业票) or <c>board</c> (作业冲突看板).</summary>
    [SupplyParameterFromQuery(Name = "from")]
    public string? LedFromPage { get; set; }

    [Inject]
    private GetPermitSupervision.Handler Supervision { get; set; } = default!;

    [Inject]
    private ListSupervisedPermits.Handler Permits { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private DateOnly? From => _from is { } f ? DateOnly.FromDateTime(f) : null;

    private DateOnly? To => _to is { } t ? DateOnly.FromDateTime(t) : null;

    private string? Region => string.IsNullOrWhiteSpace(_region) ? null : _region.Trim();

    /// <summary>True for a bureau's or the province's account, which reads permits across enterprises but applies for none.</summary>
    internal static bool IsRegulator(Actor actor) => actor.Scope.Kind == TenantScopeKind.Region;

    /// <summary>Where an enterprise's permit page leads a regulator: here, saying why (ADR 0053).</summary>
    internal static string LedFrom(string page) => $"permits/supervision?from={page}";

    private string? LedHereText => LedFromPage switch
    {
        "list" => L["PermitSupervision.LedFromList"].Value,
        "board" => L["PermitSupervision.LedFromBoard"].Value,
        _ => null,
    };

    protected override async Task OnInitializedAsync()
    {
        _actor = Actor.From((await AuthenticationState).User);
        var today = BusinessTime.LocalDate(Clock.GetUtcNow());
        (_from, _to) = (new DateTime(today.Year, 1, 1), new DateTime(today.Year, 12, 31));
        await ShowAsync();
    }

    private async Task ShowAsync()
    {
        _loading = true;
        _errors.Clear();
        _refusal = null;
        try
        {
            _view = await Supervision.HandleAsync(_actor, new GetPermitSupervision.Query(From, To, Region, 1, 20), UntilLeft);
            _drill = null;
            if (_enterprises is not null)
            {
                await _enterprises.ReloadServerData();
            }
        }
        catch (FluentValidation.ValidationException invalid)
        {
            _errors.Set(new FluentValidation.Results.ValidationResult(invalid.Errors));
        }
        catch (Exception refused) when (refused is DomainRuleException or NotFoundException)
        {
            (_view, _refusal) = (null, refused.Message);
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task<TableData<GetPermitSupervision.EnterpriseRow>> LoadEnterprisesAsync(TableState state, CancellationToken cancellationToken)
    {
        if (_view is { } v && state.Page == 0 && state.PageSize == v.Enterprises.PageSize)
        {
            return new TableData<GetPermitSupervision.EnterpriseRow> { Items = v.Enterprises.Items, TotalItems = v.Enterprises.TotalCount };
        }

        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, UntilLeft);
        var result = await Supervision.HandleAsync(_actor, new GetPermitSupervision.Query(From, To, Region, state.Page + 1, state.PageSize), both.Token);
        return new TableData<GetPermitSupervision.EnterpriseRow> { Items = result.Enterprises.Items, TotalItems = result.Enterprises.TotalCount };
    }

    private async Task<TableData<ListSupervisedPermits.Row>> LoadPermitsAsync(TableState state, CancellationToken cancellationToken)
    {
        if (_drill is not { } d)
        {
            return new TableData<ListSupervisedPermits.Row> { Items = [], TotalItems = 0 };
        }

        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, UntilLeft);
        var result = await Permits.HandleAsync(
            _actor, new ListSupervisedPermits.Query(d.Figure, From, To, Region, d.EnterpriseId, d.Type, d.Status, _sort, state.Page + 1, state.PageSize), both.Token);
        return new TableData<ListSupervisedPermits.Row> { Items = result.Items, TotalItems = result.TotalCount };
    }

    private async Task DrillAsync(DrillDown drill)
    {
        _drill = drill;
        StateHasChanged();
        if (_list is not null)
        {
            await _list.ReloadServerData();
        }
    }

    private Task SortChangedAsync(ListSupervisedPermits.Sort sort)
    {
        _sort = sort;
        return _list?.ReloadServerData() ?? Task.CompletedTask;
    }
}
