using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.MajorHazards;
using DualPrevention.Core.Risks;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DualPrevention.Web.MajorHazards;

/// <summary>
/// One major hazard source (ADR 0047): the latest calculation with every line (q, Q, q/Q, β and where they came from),
/// α, S, R and the level; for the enterprise's editors a form with the unit type, the people within 500 m and the
/// substances picked from the catalogue with q, whose 计算 button saves them and grades, and a substance missing from the
/// catalogue added to it on the spot; and the history of snapshots.
/// </summary>
public sealed partial class MajorHazardDetailPage
{
    private readonly List<BreadcrumbItem> _crumbs = [];
    private readonly List<Line> _lines = [];
    private readonly List<string> _errors = [];
    private GetMajorHazard.View? _view;
    private Actor _actor = default!;
    private bool _canEdit;
    private bool _missing;
    private bool _busy;
    private MajorHazardUnitType _unitType = MajorHazardUnitType.Storage;
    private int _population;

    [Parameter]
    public Guid Id { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private GetMajorHazard.Handler Get { get; set; } = default!;

    [Inject]
    private SearchHazardousChemicals.Handler Search { get; set; } = default!;

    [Inject]
    private DescribeMajorHazardUnit.Handler Describe { get; set; } = default!;

    [Inject]
    private GradeMajorHazardSource.Handler Grade { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    private static bool IsChinese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh";

    protected override async Task OnParametersSetAsync()
    {
        _actor = Actor.From((await AuthenticationState).User);
        _canEdit = RiskRegisterPermissions.CanEdit(_actor);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        try
        {
            _view = await Get.HandleAsync(Id, UntilLeft);
        }
        catch (NotFoundException)
        {
            _missing = true;
            return;
        }

        _crumbs.Clear();
        _crumbs.Add(new BreadcrumbItem(L["Nav.MajorHazards"], "major-hazards"));
        _crumbs.Add(new BreadcrumbItem(_view.Name, null, disabled: true));
        _unitType = _view.UnitType ?? MajorHazardUnitType.Storage;
        _population = _view.Population500m ?? 0;
        _lines.Clear();
        _lines.AddRange(_view.Substances.Select(s => new Line
        {
            Chemical = new SearchHazardousChemicals.Row(s.ChemicalId, null, s.Cas, s.NameZh, s.NameEn, s.HazardClasses, s.ThresholdQuantity, s.NamedBeta, true),
            Quantity = s.DesignMaxQuantity,
            BetaClass = s.BetaClass,
        }));
        if (_lines.Count == 0)
        {
            _lines.Add(new Line());
        }
    }

    private async Task<IEnumerable<SearchHazardousChemicals.Row>> SearchAsync(string? text, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, UntilLeft);
        return (await Search.HandleAsync(new SearchHazardousChemicals.Query(text, PageSize: 20), both.Token)).Items;
    }

    private static string ChemicalText(SearchHazardousChemicals.Row? row) =>
        row is null ? "" : $"{HazardousChemical.NameIn(CultureInfo.CurrentUICulture, row.NameZh, row.NameEn)}{(row.Cas is { } cas ? $" · {cas}" : "")}";

    /// <summary>Adds a substance outside Table 1 to the enterprise's catalogue and puts it on a new line (an empty last line takes it).</summary>
    private async Task AddToCatalogueAsync()
    {
        var dialog = await Dialogs.ShowAsync<AddHazardousChemicalDialog>(
            L["MajorHazards.NewSubstance"], new DialogParameters<AddHazardousChemicalDialog> { { d => d.Actor, _actor } }, new DialogOptions { FullWidth = true, MaxWidth = MaxWidth.Small });
        if (await dialog.Result is not { Canceled: false, Data: SearchHazardousChemicals.Row row })
        {
            return;
        }

        var line = _lines.LastOrDefault() is { Chemical: null } empty ? empty : new Line();
        line.Chemical = row;
        if (!_lines.Contains(line))
        {
            _lines.Add(line);
        }

        Snackbar.Add(L["MajorHazards.SubstanceAdded", row.NameZh], MudBlazor.Severity.Success);
    }

    /// <summary>Saves the unit and its substances, then grades it; every refusal is shown.</summary>
    private async Task GradeAsync()
    {
        _errors.Clear();
        _busy = true;
        try
        {
            var lines = _lines.Where(l => l.Chemical is not null).Select(l => new SubstanceLine(l.Chemical!.Id, l.Quantity, l.BetaClass)).ToList();
            await Describe.HandleAsync(_actor, new DescribeMajorHazardUnit.Command(Id, _unitType, _population, lines), CancellationToken.None);
            var calculation = await Grade.HandleAsync(_actor, new GradeMajorHazardSource.Command(Id), CancellationToken.None);
            Snackbar.Add(calculation.Level is { } level ? L["MajorHazards.Graded", L[$"MajorHazardLevel.{level}"]] : L["MajorHazards.NotMajor"], MudBlazor.Severity.Success);
            await LoadAsync();
        }
        catch (ValidationException ex)
        {
            _errors.AddRange(ex.Errors.Select(e => e.ErrorMessage).Distinct());
        }
        catch (DomainRuleException ex)
        {
            _errors.Add(ex.Message);
        }
        finally
        {
            _busy = false;
        }
    }

    private sealed class Line
    {
        public SearchHazardousChemicals.Row? Chemical { get; set; }

        public decimal Quantity { get; set; }

        public HazardClass? BetaClass { get; set; }
    }
}
