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
/// 申请作业票 (ADR 0045): the common fields, the type's own (hot work: method and the grade the applicant judged with its
/// upgrade, §5.1; confined space: the space and its media) and the people, chosen from the enterprise's positioning
/// registry, each worker and guardian citing the certificate of theirs that runs longest. The API's rules speak as
/// field messages (400) or as the refusal (a person not the enterprise's, a rule of the standard); saved, the draft
/// opens on its detail page.
/// </summary>
public sealed partial class WorkPermitApplyPage
{
    /// <summary>The types this form writes the details of.</summary>
    private static readonly SpecialOperationType[] Supported = [SpecialOperationType.HotWork, SpecialOperationType.ConfinedSpace];

    /// <summary>The properties a field of the form shows the message of.</summary>
    private static readonly HashSet<string> Shown = new(StringComparer.Ordinal)
    {
        "Method", "SpaceName", "ApplicantUnit", "WorkContent", "LocationText", "Contractor", "PlannedStart", "PlannedEnd", "People",
    };

    private readonly List<BreadcrumbItem> _crumbs = [];
    private readonly FormErrors _errors = new();
    private readonly List<Chosen> _people = [];
    private SpecialOperationType _type = SpecialOperationType.HotWork;
    private string _hotWorkMethod = "";
    private HotWorkGrade _hotWorkGrade = HotWorkGrade.Level2;
    private bool _hotWorkUpgraded;
    private string? _hotWorkUpgradeReason;
    private string _spaceName = "";
    private string? _originalMedium;
    private string? _toxicGases;
    private string? _flammableGases;
    private string _applicantUnit = "";
    private string _workContent = "";
    private string _location = "";
    private bool _outdoor = true;
    private string? _contractor;
    private DateTime? _startDate;
    private TimeSpan? _startTime;
    private DateTime? _endDate;
    private TimeSpan? _endTime;
    private string? _hazards;
    private string? _refusal;
    private bool _saving;
    private Guid? _enterpriseId;
    private WorkPointEntry? _workPoint;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ApplyForWorkPermit.Handler Apply { get; set; } = default!;

    [Inject]
    private ListPersons.Handler Persons { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        _crumbs.Add(new BreadcrumbItem(L["Nav.Permits"], "permits"));
        _crumbs.Add(new BreadcrumbItem(L["Permits.Apply"], null, disabled: true));
        // From this minute, for eight hours, in Beijing time.
        var start = BusinessTime.ToLocal(Clock.GetUtcNow()).DateTime;
        start = start.Date.AddHours(start.Hour).AddMinutes(start.Minute);
        (_startDate, _startTime) = (start.Date, start.TimeOfDay);
        var end = start.AddHours(8);
        (_endDate, _endTime) = (end.Date, end.TimeOfDay);
    }

    protected override async Task OnInitializedAsync() =>
        _enterpriseId = Actor.From((await AuthenticationState).User).Scope.EnterpriseId;

    private async Task<IEnumerable<ListPersons.Row>> SearchPeopleAsync(string? text, CancellationToken cancellationToken)
    {
        var actor = Actor.From((await AuthenticationState).User);
        var page = await Persons.HandleAsync(actor, new ListPersons.Query(Search: text, PageSize: 20), cancellationToken);
        return page.Items;
    }

    private void Add(PermitRole role, ListPersons.Row? person)
    {
        if (person is null || _people.Any(p => p.Role == role && p.Person.Id == person.Id))
        {
            return;
        }

        if (role == PermitRole.WorkLeader)
        {
            _people.RemoveAll(p => p.Role == PermitRole.WorkLeader);
        }

        _people.Add(new Chosen(role, person));
    }

    /// <summary>A worker's or guardian's certificate that runs longest; the work leader cites none.</summary>
    private static ListPersons.Certificate? Certificate(Chosen chosen) =>
        chosen.Role == PermitRole.WorkLeader ? null : chosen.Person.Certificates.OrderByDescending(c => c.ExpiresOn).FirstOrDefault();

    /// <summary>A chosen person, with the certificate they cite.</summary>
    private static string ChipText(Chosen chosen) =>
        Certificate(chosen) is { } certificate ? $"{chosen.Person.Name} · {certificate.Name}" : chosen.Person.Name;

    private PermitDetails Details() => _type switch
    {
        SpecialOperationType.ConfinedSpace => new ConfinedSpaceDetails(_spaceName, Blank(_originalMedium), Blank(_toxicGases), Blank(_flammableGases)),
        _ => new HotWorkDetails(_hotWorkMethod, _hotWorkGrade, _hotWorkUpgraded, _hotWorkUpgraded ? Blank(_hotWorkUpgradeReason) : null),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateTimeOffset Instant(DateTime? date, TimeSpan? time) =>
        BusinessTime.FromLocal((date ?? DateTime.MinValue).Date + (time ?? TimeSpan.Zero));

    private async Task SaveAsync()
    {
        _saving = true;
        _refusal = null;
        _errors.Clear();
        try
        {
            var actor = Actor.From((await AuthenticationState).User);
            var content = new WorkPermitContent(
                Details(), _applicantUnit, _workContent, _location, _outdoor, Blank(_contractor), Instant(_startDate, _startTime), Instant(_endDate, _endTime),
                Blank(_hazards), null, null, [.. _people.Select(p => new PermitPersonEntry(p.Person.Id, p.Role, Certificate(p)?.Id))], _workPoint);
            var (id, _) = await Apply.HandleAsync(actor, new ApplyForWorkPermit.Command(content), CancellationToken.None);
            Navigation.NavigateTo($"permits/{id}");
        }
        catch (FluentValidation.ValidationException invalid)
        {
            _errors.Set(new FluentValidation.Results.ValidationResult(invalid.Errors));
            // What no field shows (the details' range, a person's role) is said above the button.
            var unshown = invalid.Errors.Where(e => !Shown.Contains(e.PropertyName[(e.PropertyName.LastIndexOf('.') + 1)..])).Select(e => e.ErrorMessage).Distinct().ToList();
            _refusal = unshown.Count > 0 ? string.Join(Environment.NewLine, unshown) : null;
        }
        catch (DomainRuleException refused)
        {
            _refusal = refused.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private sealed record Chosen(PermitRole Role, ListPersons.Row Person);
}
