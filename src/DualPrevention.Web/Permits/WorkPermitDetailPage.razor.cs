using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Permits;
using DualPrevention.Core.Positioning;
using DualPrevention.Web.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DualPrevention.Web.Permits;

/// <summary>
/// One permit (ADR 0045): its fields and people, its measures confirmed one by one by a named person, the briefing, gas
/// tests with a form that shows the verdict, the approval steps with a sign button for the next one to the accounts that may sign it (the others read who may, ADR 0051), the timeline, and
/// exactly the actions its state allows. Destructive steps ask first (a reason where the core needs one); suspending
/// takes one tap. When the core refuses a step, every reason it gives is listed.
/// </summary>
public sealed partial class WorkPermitDetailPage
{
    /// <summary>The steps with a button, in the order of the process; signing and confirming have their own sections.</summary>
    private static readonly WorkPermitAction[] Buttons =
    [
        WorkPermitAction.Submitted, WorkPermitAction.SentForApproval, WorkPermitAction.ShiftLeaderChecked, WorkPermitAction.Started,
        WorkPermitAction.Suspended, WorkPermitAction.Resumed, WorkPermitAction.Finished, WorkPermitAction.Accepted,
        WorkPermitAction.Rejected, WorkPermitAction.Cancelled, WorkPermitAction.Revoked, WorkPermitAction.Voided,
    ];

    /// <summary>Steps the core records with a reason: asked for in the form under the buttons, which is their confirmation.</summary>
    private static readonly WorkPermitAction[] Reasoned = [WorkPermitAction.Rejected, WorkPermitAction.Cancelled, WorkPermitAction.Revoked, WorkPermitAction.Voided];

    private readonly List<BreadcrumbItem> _crumbs = [];
    private readonly FormErrors _errors = new();
    private readonly List<string> _refusals = [];
    private readonly GasForm _gas = new();
    private GetWorkPermit.Details? _permit;
    private Actor _actor = default!;
    private bool _canAct;
    private bool _busy;
    private Guid? _confirmer;
    private string? _briefing;
    private string? _opinion;
    private int? _windForce;
    private WorkPermitAction? _reasonFor;
    private string? _reason;
    private string? _gasErrors;
    private RecordGasTest.Result? _verdict;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private GetWorkPermit.Handler Get { get; set; } = default!;

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    private IReadOnlyList<WorkPermitAction> Actions => _permit is { } p ? [.. Buttons.Where(p.AllowedActions.Contains)] : [];

    private bool CanConfirm => _canAct && _permit?.Status == WorkPermitStatus.Preparing;

    private bool CanTestGas => _permit?.Status is WorkPermitStatus.Preparing or WorkPermitStatus.Approved or WorkPermitStatus.InProgress or WorkPermitStatus.Suspended;

    protected override async Task OnParametersSetAsync()
    {
        _actor = Actor.From((await AuthenticationState).User);
        _canAct = _actor.Scope.EnterpriseId is not null && _actor.Roles.Any(Roles.IsEnterpriseRole);
        _crumbs.Clear();
        _crumbs.Add(_canAct ? new BreadcrumbItem(L["Nav.Permits"], "permits") : new BreadcrumbItem(L["Nav.PermitSupervision"], "permits/supervision"));
        await LoadAsync();
        if (_permit is { } p)
        {
            _crumbs.Add(new BreadcrumbItem(p.Number, null, disabled: true));
            _confirmer ??= p.People.FirstOrDefault(x => x.Role == PermitRole.Guardian)?.PersonId ?? (p.People.Count > 0 ? p.People[0].PersonId : null);
            _gas.CalibrationDue ??= BusinessTime.ToLocal(Clock.GetUtcNow()).Date.AddMonths(6);
        }
    }

    private async Task LoadAsync()
    {
        try
        {
            _permit = await Get.HandleAsync(Id, UntilLeft);
        }
        catch (NotFoundException)
        {
            Navigation.NotFound();
        }
    }

    private static Color ColorOf(WorkPermitAction action) => action switch
    {
        WorkPermitAction.Suspended => Color.Warning,
        WorkPermitAction.Rejected or WorkPermitAction.Cancelled or WorkPermitAction.Revoked or WorkPermitAction.Voided => Color.Error,
        _ => Color.Primary,
    };

    private WeatherConditions? Weather => _windForce is { } wind ? new WeatherConditions(wind) : null;

    private async Task ActAsync(WorkPermitAction action)
    {
        if (Reasoned.Contains(action))
        {
            _errors.Clear();
            (_reasonFor, _reason) = (action, null);
            return;
        }

        // One tap stops the work: nothing is asked first, as a stop on site is.
        if (action != WorkPermitAction.Suspended
            && await Dialogs.ShowMessageBoxAsync(L[$"PermitAct.{action}"], L[$"PermitAsk.{action}"], L["Common.Yes"], cancelText: L["Common.Cancel"]) != true)
        {
            return;
        }

        await (action switch
        {
            WorkPermitAction.Submitted => RunAsync<SubmitWorkPermit.Handler>(h => h.HandleAsync(_actor, new(Id), CancellationToken.None)),
            WorkPermitAction.SentForApproval => RunAsync<SendWorkPermitForApproval.Handler>(h => h.HandleAsync(_actor, new(Id), CancellationToken.None)),
            WorkPermitAction.ShiftLeaderChecked => RunAsync<CheckWorkPermitByShiftLeader.Handler>(h => h.HandleAsync(_actor, new(Id), CancellationToken.None)),
            WorkPermitAction.Started => RunAsync<StartWork.Handler>(h => h.HandleAsync(_actor, new(Id, Weather), CancellationToken.None)),
            WorkPermitAction.Suspended => RunAsync<SuspendWork.Handler>(h => h.HandleAsync(_actor, new(Id, L["Permits.SuspendedOnSite"]), CancellationToken.None)),
            WorkPermitAction.Resumed => RunAsync<ResumeWork.Handler>(h => h.HandleAsync(_actor, new(Id, true, Weather), CancellationToken.None)),
            WorkPermitAction.Finished => RunAsync<FinishWork.Handler>(h => h.HandleAsync(_actor, new(Id), CancellationToken.None)),
            WorkPermitAction.Accepted => RunAsync<AcceptWork.Handler>(h => h.HandleAsync(_actor, new(Id, true, null), CancellationToken.None)),
            _ => Task.CompletedTask,
        });
    }

    private async Task ReasonedAsync(WorkPermitAction action)
    {
        var reason = _reason ?? "";
        var done = action switch
        {
            WorkPermitAction.Rejected => await RunAsync<RejectWorkPermit.Handler>(h => h.HandleAsync(_actor, new(Id, reason), CancellationToken.None)),
            WorkPermitAction.Cancelled => await RunAsync<CancelWorkPermit.Handler>(h => h.HandleAsync(_actor, new(Id, reason), CancellationToken.None)),
            WorkPermitAction.Revoked => await RunAsync<RevokeWorkPermit.Handler>(h => h.HandleAsync(_actor, new(Id, reason), CancellationToken.None)),
            WorkPermitAction.Voided => await VoidAsync(reason),
            _ => false,
        };
        if (done)
        {
            _reasonFor = null;
        }
    }

    /// <summary>Voids the permit and opens the new draft that replaces it, written with the same content (§4.18): the draft is where it is corrected.</summary>
    private async Task<bool> VoidAsync(string reason)
    {
        var p = _permit!;
        Guid? reissued = null;
        var done = await RunAsync<VoidAndReissueWorkPermit.Handler>(async h =>
        {
            var people = new List<PermitPersonEntry>();
            var registry = Services.GetRequiredService<GetPerson.Handler>();
            foreach (var person in p.People)
            {
                IReadOnlyList<ListPersons.Certificate> certificates = person.CertificateNumber is null ? [] : (await registry.HandleAsync(_actor, person.PersonId, CancellationToken.None)).Certificates;
                people.Add(new PermitPersonEntry(person.PersonId, person.Role, certificates.FirstOrDefault(c => c.Number == person.CertificateNumber)?.Id));
            }

            var content = new WorkPermitContent(
                p.TypeDetails, p.ApplicantUnit, p.WorkContent, p.LocationText, p.Outdoor, p.Contractor, p.PlannedStart, p.PlannedEnd,
                p.HazardAnalysisResult, p.OtherMeasures, p.OtherMeasuresAuthor, people);
            reissued = (await h.HandleAsync(_actor, new(Id, reason, content), CancellationToken.None)).Id;
        });
        if (reissued is { } id)
        {
            Navigation.NavigateTo($"permits/{id}");
        }

        return done;
    }

    /// <summary>A timeline entry: when, what, by whom and why.</summary>
    private string EventText(GetWorkPermit.Step step)
    {
        var text = $"{PermitTexts.Local(step.At)} · {L[$"PermitEvent.{step.Action}"]} · {step.ByName}";
        // A signature's reason is the function signed as (stored by its name), shown in the user's language.
        var reason = step.Action == WorkPermitAction.StepSigned && Enum.TryParse<PermitOrgRole>(step.Reason, out var role)
            ? L[$"PermitOrgRole.{role}"].Value
            : step.Reason;
        return reason is null ? text : $"{text} · {reason}";
    }

    private Task<bool> ConfirmMeasureAsync(Guid measureId, bool applicable) =>
        RunAsync<ConfirmPermitMeasure.Handler>(h => h.HandleAsync(_actor, new(Id, measureId, applicable, _confirmer ?? Guid.Empty), CancellationToken.None));

    /// <summary>
    /// The work leader briefs every worker and guardian named on the permit (§4.4), themselves included when they also
    /// guard: the briefed are chosen by role, not by who the leader is.
    /// </summary>
    private Task<bool> BriefAsync()
    {
        var people = _permit!.People;
        var leader = people.FirstOrDefault(x => x.Role == PermitRole.WorkLeader)?.PersonId ?? Guid.Empty;
        var briefed = people.Where(x => x.Role != PermitRole.WorkLeader).Select(x => x.PersonId).Distinct().ToList();
        return RunAsync<RecordSafetyBriefing.Handler>(h => h.HandleAsync(_actor, new(Id, leader, briefed, _briefing ?? ""), CancellationToken.None));
    }

    private Task<bool> SignAsync() =>
        RunAsync<SignWorkPermit.Handler>(async h =>
        {
            await h.HandleAsync(_actor, new(Id, string.IsNullOrWhiteSpace(_opinion) ? null : _opinion), CancellationToken.None);
            _opinion = null;
        });

    private Task<bool> RecordGasAsync() =>
        RunAsync<RecordGasTest.Handler>(async h =>
        {
            var entry = new GasTestEntry(
                Clock.GetUtcNow(), _gas.Point, new GasSample(_gas.Gas, _gas.Lel, _gas.Value, _gas.Unit, _gas.Oxygen, []), _gas.Analyst, _gas.Detector,
                DateOnly.FromDateTime(_gas.CalibrationDue ?? DateTime.MinValue));
            _verdict = await h.HandleAsync(_actor, new(Id, entry), CancellationToken.None);
        });

    /// <summary>Runs a step; on success reloads the permit, else lists the core's reasons (409) or the fields' messages (400).</summary>
    private async Task<bool> RunAsync<THandler>(Func<THandler, Task> step)
        where THandler : notnull
    {
        _busy = true;
        _errors.Clear();
        _refusals.Clear();
        _gasErrors = null;
        try
        {
            await step(Services.GetRequiredService<THandler>());
            Snackbar.Add(L["Common.Saved"], Severity.Success);
            await LoadAsync();
            return true;
        }
        catch (FluentValidation.ValidationException invalid)
        {
            _errors.Set(new FluentValidation.Results.ValidationResult(invalid.Errors));
            _refusals.AddRange(invalid.Errors.Select(e => e.ErrorMessage).Distinct());
            _gasErrors = string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage).Distinct());
            return false;
        }
        catch (PermitRefusedException refused)
        {
            _refusals.AddRange(refused.Refusals.Select(r => r.Text));
            return false;
        }
        catch (Exception refused) when (refused is DomainRuleException or NotFoundException)
        {
            _refusals.Add(refused.Message);
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>What the gas-test form holds before it is recorded.</summary>
    private sealed class GasForm
    {
        public string Point { get; set; } = "";

        public string Gas { get; set; } = "";

        public decimal Lel { get; set; } = 5m;

        public decimal Value { get; set; }

        public GasReadingUnit Unit { get; set; } = GasReadingUnit.PercentLel;

        public decimal? Oxygen { get; set; } = 20.9m;

        public string Analyst { get; set; } = "";

        public string Detector { get; set; } = "";

        public DateTime? CalibrationDue { get; set; }
    }
}
