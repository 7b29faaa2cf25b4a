using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Permits;
using DualPrevention.Core.Tenancy;
using DualPrevention.Web.Shell;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace DualPrevention.Web.Permits;

/// <summary>
/// The findings of the bureau's online spot checks on one permit, and for a city reviewer of the permit's city, while
/// its work is in progress or suspended, the form that records one (asked to confirm first): it becomes the enterprise's
/// hidden danger and the list shows it at once.
/// </summary>
public sealed partial class PermitSpotCheckPanel
{
    private readonly FormErrors _errors = new();
    private IReadOnlyList<ListPermitSpotChecks.Finding>? _findings;
    private string? _finding;
    private string? _majorReason;
    private string? _refusal;
    private HiddenDangerLevel _level = HiddenDangerLevel.General;
    private bool _busy;

    [Parameter]
    [EditorRequired]
    public Guid PermitId { get; set; }

    [Parameter]
    [EditorRequired]
    public WorkPermitStatus Status { get; set; }

    [Parameter]
    [EditorRequired]
    public Actor Actor { get; set; } = default!;

    [Inject]
    private ListPermitSpotChecks.Handler Findings { get; set; } = default!;

    [Inject]
    private SpotCheckWorkPermit.Handler SpotCheck { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    private bool CanRecord =>
        Actor.Scope.Kind == TenantScopeKind.Region && Actor.Is(Roles.CityReviewer) && Status is WorkPermitStatus.InProgress or WorkPermitStatus.Suspended;

    protected override async Task OnParametersSetAsync() => _findings = await Findings.HandleAsync(PermitId, UntilLeft);

    private async Task RecordAsync()
    {
        _errors.Clear();
        _refusal = null;
        if (await Dialogs.ShowMessageBoxAsync(L["Permits.SpotCheck.Record"], L["Permits.SpotCheck.Ask"], L["Common.Yes"], cancelText: L["Common.Cancel"]) != true)
        {
            return;
        }

        _busy = true;
        try
        {
            await SpotCheck.HandleAsync(Actor, new SpotCheckWorkPermit.Command(PermitId, _finding ?? "", _level, _majorReason), UntilLeft);
            (_finding, _majorReason, _level) = (null, null, HiddenDangerLevel.General);
            Snackbar.Add(L["Permits.SpotCheck.Recorded"], Severity.Success);
            _findings = await Findings.HandleAsync(PermitId, UntilLeft);
        }
        catch (FluentValidation.ValidationException invalid)
        {
            _errors.Set(new FluentValidation.Results.ValidationResult(invalid.Errors));
        }
        catch (Exception refused) when (refused is DomainRuleException or NotFoundException)
        {
            _refusal = refused.Message;
        }
        finally
        {
            _busy = false;
        }
    }
}
