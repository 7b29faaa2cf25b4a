using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.Web.Shell;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace DualPrevention.Web.Inspections;

/// <summary>
/// The check of one window on a phone: result, note, camera photos (uploaded one by one as chosen) and the
/// browser's position. One submission id per form, so a double tap or a retry stores one record.
/// </summary>
public sealed partial class TaskCheckForm
{
    /// <summary>How long to wait for the browser's position before submitting without it.</summary>
    private const int LocationTimeoutMs = 8000;

    private readonly Guid _submissionId = Guid.CreateVersion7();
    private readonly List<Guid> _photos = [];
    private readonly FormErrors _errors = new();
    // No default: a check records what the inspector chose, never what a hurried tap left selected.
    private InspectionResult? _result;
    private string? _note;

    private string? _onBehalfReason;
    private GeoLocation? _location;
    private bool _locating = true;
    private bool _uploading;
    private bool _saving;
    private string? _refusal;
    private IJSObjectReference? _geolocation;

    [Parameter, EditorRequired]
    public DueTask Window { get; set; } = default!;

    /// <summary>Raised once the record is stored.</summary>
    [Parameter]
    public EventCallback<SubmitInspectionRecord.Result> Submitted { get; set; }

    [Parameter]
    public EventCallback Cancelled { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private SubmitInspectionRecord.Handler Submit { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender)
        {
            return;
        }

        try
        {
            _geolocation = await JS.InvokeAsync<IJSObjectReference>("import", "./geolocation.js");
            var position = await _geolocation.InvokeAsync<Position?>("locate", LocationTimeoutMs);
            _location = position is null ? null : new GeoLocation(position.Latitude, position.Longitude, position.Accuracy);
        }
        catch (JSException)
        {
            _location = null;
        }

        _locating = false;
        StateHasChanged();
    }

    private async Task SubmitAsync()
    {
        if (_saving)
        {
            return;
        }

        _saving = true;
        _refusal = null;
        _errors.Clear();
        try
        {
            var actor = Actor.From((await AuthenticationState).User);
            var command = new SubmitInspectionRecord.Command(
                Window.TaskId, _submissionId, _result!.Value, _note, [.. _photos], _location, RecordChannel.MobileWeb, null, _onBehalfReason);
            var result = await Submit.HandleAsync(actor, command, CancellationToken.None);
            await Submitted.InvokeAsync(result);
        }
        catch (ValidationException ex)
        {
            _errors.Set(new FluentValidation.Results.ValidationResult(ex.Errors));
            _refusal = _errors.IsEmpty ? null : string.Join(" ", ex.Errors.Select(e => e.ErrorMessage));
        }
        catch (Exception ex) when (ex is DomainRuleException or NotFoundException)
        {
            _refusal = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_geolocation is not null)
        {
            try
            {
                await _geolocation.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The circuit is gone, and the module with it.
            }
        }
    }

    /// <summary>What geolocation.js answers: WGS-84 degrees and accuracy in metres.</summary>
    private sealed record Position(double Latitude, double Longitude, double? Accuracy);
}
