using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Risks.Register;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DualPrevention.Web.Risks.Register;

/// <summary>
/// The risk register as a tree with filters and paging. At <c>/risk-register</c> an enterprise user reads (and,
/// as administrator or safety officer, edits) its own register; at <c>/enterprises/{id}/risk-register</c> a
/// regulator reads an enterprise of its region, which answers 404 outside it.
/// </summary>
public sealed partial class RiskRegisterPage
{
    private const int PageSize = 50;

    private ListRiskRegister.Result? _result;
    private GetRiskRegisterFilterOptions.Options _options = new([], []);
    private CancellationTokenSource? _loadCancellation;
    private Actor _actor = default!;
    private string? _enterpriseName;
    private string? _search;
    private RiskLevel? _level;
    private Guid? _objectId;
    private string? _department;
    private MeasureClassify1? _classify1;
    private int _page = 1;
    private bool _canEdit;
    private bool _needsEnterprise;
    private bool _ready;
    private bool _loading;

    /// <summary>The enterprise a regulator reads; null for the signed-in user's own enterprise.</summary>
    [Parameter]
    public Guid? EnterpriseId { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ListRiskRegister.Handler Register { get; set; } = default!;

    [Inject]
    private GetRiskRegisterFilterOptions.Handler FilterOptions { get; set; } = default!;

    [Inject]
    private GetEnterprise.Handler GetEnterprise { get; set; } = default!;

    [Inject]
    private DeleteRiskAnalysisObject.Handler DeleteObject { get; set; } = default!;

    [Inject]
    private DeleteRiskAnalysisUnit.Handler DeleteUnit { get; set; } = default!;

    [Inject]
    private DeleteRiskEvent.Handler DeleteEvent { get; set; } = default!;

    [Inject]
    private DeleteControlMeasure.Handler DeleteMeasure { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    private bool Filtered => _search is not null || _level is not null || _objectId is not null || _department is not null || _classify1 is not null;

    protected override async Task OnParametersSetAsync()
    {
        _actor = Actor.From((await AuthenticationState).User);
        _needsEnterprise = EnterpriseId is null && _actor.Scope.EnterpriseId is null;
        if (_needsEnterprise)
        {
            return;
        }

        try
        {
            _enterpriseName = EnterpriseId is { } id ? (await GetEnterprise.HandleAsync(id, UntilLeft)).Details.Name : null;
            _options = await FilterOptions.HandleAsync(EnterpriseId, UntilLeft);
        }
        catch (NotFoundException)
        {
            Navigation.NotFound();
            return;
        }

        // A regulator's view is read-only, and so is an enterprise user's view through the regulator route.
        _canEdit = EnterpriseId is null && RiskRegisterPermissions.CanEdit(_actor);
        _ready = true;
        await LoadAsync();
    }

    private static int PageCount(ListRiskRegister.Result result) => Math.Max(1, (result.TotalRows + PageSize - 1) / PageSize);

    private async Task LoadAsync()
    {
        if (_loadCancellation is not null)
        {
            await _loadCancellation.CancelAsync();
            _loadCancellation.Dispose();
        }

        var cancellation = _loadCancellation = CancellationTokenSource.CreateLinkedTokenSource(UntilLeft);
        _loading = true;
        StateHasChanged();
        try
        {
            _result = await Register.HandleAsync(
                new ListRiskRegister.Query(EnterpriseId, _level, _objectId, _department, _classify1, _search, _page, PageSize), cancellation.Token);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return;
        }
        finally
        {
            if (cancellation == _loadCancellation)
            {
                _loading = false;
            }
        }
    }

    private async Task SearchAsync(string? text) => await FilterAsync(() => _search = string.IsNullOrWhiteSpace(text) ? null : text.Trim());

    private async Task FilterAsync(Action change)
    {
        change();
        _page = 1;
        await LoadAsync();
    }

    private async Task PageAsync(int page)
    {
        _page = page;
        await LoadAsync();
    }

    private async Task AddObjectAsync() =>
        await ShowAndReloadAsync<EditRiskAnalysisObjectDialog>(L["RiskObject.Add"], new() { { d => d.Actor, _actor } });

    /// <summary>
    /// A menu closes only once its item's click handler returns, so the action runs detached instead of holding the
    /// menu open behind its dialog; a failure still reaches the error UI.
    /// </summary>
    private void OnAction(RiskRegisterAction action) => _ = RunDetachedAsync(action);

    private async Task RunDetachedAsync(RiskRegisterAction action)
    {
        try
        {
            await RunAsync(action);
            StateHasChanged();
        }
        catch (Exception ex)
        {
            await DispatchExceptionAsync(ex);
        }
    }

    private async Task RunAsync(RiskRegisterAction action)
    {
        switch (action.Kind)
        {
            case RiskRegisterActionKind.AddUnit:
                await ShowAndReloadAsync<EditRiskAnalysisUnitDialog>(L["RiskUnit.Add"], new() { { d => d.ObjectId, action.Id }, { d => d.ParentName, action.Name }, { d => d.Actor, _actor } });
                break;
            case RiskRegisterActionKind.EditObject:
                await ShowAndReloadAsync<EditRiskAnalysisObjectDialog>(L["RiskObject.Edit"], new() { { d => d.Id, action.Id }, { d => d.Actor, _actor } });
                break;
            case RiskRegisterActionKind.AddEvent:
                await ShowAndReloadAsync<EditRiskEventDialog>(L["RiskEvent.Add"], new() { { d => d.UnitId, action.Id }, { d => d.ParentName, action.Name }, { d => d.Actor, _actor } });
                break;
            case RiskRegisterActionKind.EditUnit:
                await ShowAndReloadAsync<EditRiskAnalysisUnitDialog>(L["RiskUnit.Edit"], new() { { d => d.Id, action.Id }, { d => d.Actor, _actor } });
                break;
            case RiskRegisterActionKind.AddMeasure:
                await ShowAndReloadAsync<EditControlMeasureDialog>(L["Measure.Add"], new() { { d => d.EventId, action.Id }, { d => d.ParentName, action.Name }, { d => d.Actor, _actor } });
                break;
            case RiskRegisterActionKind.EditEvent:
                await ShowAndReloadAsync<EditRiskEventDialog>(L["RiskEvent.Edit"], new() { { d => d.Id, action.Id }, { d => d.Actor, _actor } });
                break;
            case RiskRegisterActionKind.EditMeasure:
                await ShowAndReloadAsync<EditControlMeasureDialog>(L["Measure.Edit"], new() { { d => d.Id, action.Id }, { d => d.Actor, _actor } });
                break;
            case RiskRegisterActionKind.ShowAssessments:
                await Dialogs.ShowAsync<RiskAssessmentHistoryDialog>(
                    L["RiskAssessment.History"], new DialogParameters<RiskAssessmentHistoryDialog> { { d => d.EventId, action.Id }, { d => d.EventName, action.Name } },
                    new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
                break;
            case RiskRegisterActionKind.DeleteObject:
                await DeleteAsync(L["RiskObject.DeleteConfirm", action.Name], ct => DeleteObject.HandleAsync(_actor, new(action.Id), ct));
                break;
            case RiskRegisterActionKind.DeleteUnit:
                await DeleteAsync(L["RiskUnit.DeleteConfirm", action.Name], ct => DeleteUnit.HandleAsync(_actor, new(action.Id), ct));
                break;
            case RiskRegisterActionKind.DeleteEvent:
                await DeleteAsync(L["RiskEvent.DeleteConfirm", action.Name], ct => DeleteEvent.HandleAsync(_actor, new(action.Id), ct));
                break;
            case RiskRegisterActionKind.DeleteMeasure:
                await DeleteAsync(L["Measure.DeleteConfirm", action.Name], async ct =>
                {
                    await DeleteMeasure.HandleAsync(_actor, new(action.Id), ct);
                    return 1;
                });
                break;
        }
    }

    private async Task ShowAndReloadAsync<TDialog>(string title, DialogParameters<TDialog> parameters)
        where TDialog : IComponent
    {
        var dialog = await Dialogs.ShowAsync<TDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            await ReloadAllAsync();
        }
    }

    /// <summary>Asks first; deletes of objects, units and events take everything below with them (ADR 0005).</summary>
    private async Task DeleteAsync(string question, Func<CancellationToken, Task<int>> delete)
    {
        if (await Dialogs.ShowMessageBoxAsync(L["Common.Delete"], question, yesText: L["Common.Delete"], cancelText: L["Common.Cancel"]) != true)
        {
            return;
        }

        try
        {
            var count = await delete(CancellationToken.None);
            Snackbar.Add(L["RiskRegister.Deleted", count], Severity.Success);
        }
        catch (Exception ex) when (ex is DomainRuleException or NotFoundException)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }

        await ReloadAllAsync();
    }

    private async Task ReloadAllAsync()
    {
        _options = await FilterOptions.HandleAsync(EnterpriseId, UntilLeft);
        await LoadAsync();
    }
}
