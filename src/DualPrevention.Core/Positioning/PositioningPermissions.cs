using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Positioning;

/// <summary>Who draws site plans and zones: the enterprise's administrator and safety officers; others read within their scope.</summary>
public static class PositioningPermissions
{
    public static bool CanEdit(Actor actor) =>
        actor.Scope is { Kind: TenantScopeKind.Enterprise, EnterpriseId: not null }
        && (actor.Is(Roles.EnterpriseAdmin) || actor.Is(Roles.SafetyOfficer));

    /// <summary>The enterprise whose plans <paramref name="actor"/> edits.</summary>
    /// <exception cref="DomainRuleException">The actor may only read.</exception>
    internal static Guid EnsureCanEdit(Actor actor) =>
        CanEdit(actor) ? actor.Scope.EnterpriseId!.Value : throw new ForbiddenException(CoreText.Get("Positioning.EditNotAllowed"));

    /// <summary>The enterprise whose emergency musters <paramref name="actor"/> starts and closes (ADR 0041).</summary>
    /// <exception cref="DomainRuleException">The actor may not.</exception>
    internal static Guid EnsureCanMuster(Actor actor) =>
        CanEdit(actor) ? actor.Scope.EnterpriseId!.Value : throw new ForbiddenException(CoreText.Get("Positioning.Muster.NotAllowed"));

    /// <summary>The enterprise whose persons' tracks <paramref name="actor"/> may replay: never a regulator's (docs/domain/positioning.md#45-retention-and-privacy).</summary>
    /// <exception cref="DomainRuleException">The actor may not.</exception>
    internal static Guid EnsureCanReplayTracks(Actor actor) =>
        CanEdit(actor) ? actor.Scope.EnterpriseId!.Value : throw new ForbiddenException(CoreText.Get("Positioning.Track.NotAllowed"));
}
