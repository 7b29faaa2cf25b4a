using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Permits;
using DualPrevention.Core.Positioning;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DualPrevention.Web.Permits;

/// <summary>
/// 签字授权 (ADR 0051): the enterprise's accounts one page at a time, each with the functions it signs a permit as and the
/// registry person it is (whose work-leader steps it signs); one account is edited at a time, and the core audits it.
/// </summary>
public sealed partial class PermitSignersPage
{
    /// <summary>The functions granted by the mapping; the work leader's steps follow the person instead.</summary>
    private static readonly PermitOrgRole[] Functions = [.. Enum.GetValues<PermitOrgRole>().Where(f => !PermitSigningAuthority.IsWorkLeaderStep(f))];

    private readonly List<BreadcrumbItem> _crumbs = [];
    private MudTable<ListPermitSigners.Row>? _table;
    private ListPermitSigners.Row? _editing;
    private IReadOnlyCollection<PermitOrgRole> _functions = [];
    private PersonChoice? _person;
    private string? _error;
    private bool _busy;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [Inject]
    private ListPermitSigners.Handler List { get; set; } = default!;

    [Inject]
    private SetPermitSigner.Handler Set { get; set; } = default!;

    [Inject]
    private ListPersons.Handler Persons { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized()
    {
        _crumbs.Add(new BreadcrumbItem(L["Nav.Permits"], "permits"));
        _crumbs.Add(new BreadcrumbItem(L["Permits.Signers.Title"], null, disabled: true));
    }

    private async Task<Actor> ActorAsync() => Actor.From((await AuthenticationState).User);

    private async Task<TableData<ListPermitSigners.Row>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        using var both = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, UntilLeft);
        var page = await List.HandleAsync(await ActorAsync(), new ListPermitSigners.Query(state.Page + 1, state.PageSize), both.Token);
        return new TableData<ListPermitSigners.Row> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private async Task<IEnumerable<PersonChoice>> SearchPeopleAsync(string? text, CancellationToken cancellationToken) =>
        (await Persons.HandleAsync(await ActorAsync(), new ListPersons.Query(Search: text, PageSize: 20), cancellationToken)).Items
            .Select(p => new PersonChoice(p.Id, p.Company is { } company ? $"{p.Name} · {company}" : p.Name));

    private void Edit(ListPermitSigners.Row row) =>
        (_editing, _functions, _person, _error) = (row, row.Functions, row.PersonId is { } id ? new PersonChoice(id, row.PersonName ?? "") : null, null);

    private async Task SaveAsync()
    {
        var editing = _editing!;
        _busy = true;
        _error = null;
        try
        {
            await Set.HandleAsync(await ActorAsync(), new SetPermitSigner.Command(editing.UserId, [.. _functions], _person?.Id), UntilLeft);
            Snackbar.Add(L["Common.Saved"], Severity.Success);
            _editing = null;
            await _table!.ReloadServerData();
        }
        catch (FluentValidation.ValidationException invalid)
        {
            _error = string.Join(" ", invalid.Errors.Select(e => e.ErrorMessage).Distinct());
        }
        catch (Exception refused) when (refused is DomainRuleException or NotFoundException)
        {
            _error = refused.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>A registry person as the picker shows them.</summary>
    private sealed record PersonChoice(Guid Id, string Name);
}
