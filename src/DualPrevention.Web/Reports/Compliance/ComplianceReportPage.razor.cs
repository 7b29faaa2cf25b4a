using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Tenancy;
using DualPrevention.Web.Reports.Exports;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DualPrevention.Web.Reports.Compliance;

/// <summary>
/// The compliance report (合规报表, ADR 0009) for every signed-in user: choose a period and a region inside the caller's
/// scope (a province's cities, a city's counties; an enterprise user has only its own enterprise), preview the report,
/// or export it as .xlsx, .csv or .pdf through the background job and download it when done.
/// <c>/reports?period=2026-11&amp;region=370202</c> opens with that report previewed (a region outside the scope is
/// 404).
/// </summary>
public sealed partial class ComplianceReportPage
{
    private const int ExportsTab = 1;

    private Actor? _actor;
    private DateOnly _today;
    private ReportPeriod _period = default!;
    private string? _region;
    private ReportExportList? _exports;
    private int _tab;
    private bool _loading;
    private bool _requesting;

    /// <summary>A period code (2026-11, 2026-Q4, 2026) to preview at once.</summary>
    [SupplyParameterFromQuery]
    public string? Period { get; set; }

    /// <summary>A region code inside the caller's scope to preview at once.</summary>
    [SupplyParameterFromQuery]
    public string? Region { get; set; }

    /// <summary>
    /// A regulator's regions to choose from: the own region, then its cities or counties. Carried from the prerendered
    /// page into the interactive one (as is <see cref="ScopeName"/>), so the form neither loads twice nor flickers.
    /// </summary>
    [PersistentState]
    public IReadOnlyList<ListRegions.Row>? RegionOptions { get; set; }

    /// <summary>An enterprise user's enterprise, shown in place of the region select.</summary>
    [PersistentState]
    public string? ScopeName { get; set; }

    /// <summary>The report previewed; a linked preview is computed once, while prerendering.</summary>
    [PersistentState]
    public ComputeComplianceReport.Result? Report { get; set; }

    [Inject]
    private ComputeComplianceReport.Handler Compute { get; set; } = default!;

    [Inject]
    private RequestReportExport.Handler RequestExport { get; set; } = default!;

    [Inject]
    private ListRegions.Handler Regions { get; set; } = default!;

    [Inject]
    private DescribeScope.Handler DescribeScope { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        var actor = Actor.From((await AuthenticationState).User);
        _today = BusinessTime.LocalDate(Clock.GetUtcNow());
        var lastMonth = _today.AddMonths(-1);
        var linked = ReportPeriod.TryParse(Period, out var period);
        _period = linked ? period : ReportPeriod.Month(lastMonth.Year, lastMonth.Month);
        _region = Region;
        if (actor.Scope.Kind == TenantScopeKind.Region && actor.Scope.RegionCode is { } scopeRegion)
        {
            if (RegionOptions is null)
            {
                var own = await Regions.FindAsync(scopeRegion, UntilLeft);
                RegionOptions = [.. own is null ? [] : new[] { own }, .. await Regions.HandleAsync(scopeRegion, UntilLeft)];
            }

            _region ??= scopeRegion;
        }
        else
        {
            ScopeName ??= await DescribeScope.HandleAsync(UntilLeft);
        }

        _actor = actor;
        if ((linked || Region is not null) && Report is null)
        {
            try
            {
                await ComputeAsync();
            }
            catch (Exception exception) when (exception is NotFoundException or DomainRuleException)
            {
                Navigation.NotFound();
            }
        }
    }

    private async Task PreviewAsync()
    {
        try
        {
            await ComputeAsync();
        }
        catch (Exception exception) when (exception is NotFoundException or DomainRuleException)
        {
            Snackbar.Add(exception.Message, Severity.Error);
        }
    }

    private async Task ComputeAsync()
    {
        _loading = true;
        _tab = 0;
        try
        {
            var report = await Compute.HandleAsync(new ComputeComplianceReport.Query(_period, _region), UntilLeft);
            Report = report;
            if (RegionOptions is { } options && options.All(r => r.Code != report.RegionCode))
            {
                // A linked region deeper than the picker's list (a province user's county) still shows by name.
                RegionOptions = [.. options, new ListRegions.Row(report.RegionCode, report.RegionName, RegionCodes.LevelOf(report.RegionCode), null)];
            }
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task ExportAsync(ReportFormat format)
    {
        _requesting = true;
        try
        {
            await RequestExport.HandleAsync(_actor!, new RequestReportExport.Command(_period, format, _region), CancellationToken.None);
            Snackbar.Add(L["Reports.ExportQueued"], Severity.Success);
            _tab = ExportsTab;
            await _exports!.ReloadAsync();
        }
        catch (Exception exception) when (exception is NotFoundException or DomainRuleException)
        {
            Snackbar.Add(exception.Message, Severity.Error);
        }
        finally
        {
            _requesting = false;
        }
    }
}
