using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// Who may carry out inspections (docs/domain/dual-prevention.md#57-inspection-records): the enterprise's own people —
/// inspectors, safety officers and its administrator. Regulators read records through their scope but never write them.
/// </summary>
public static class InspectionPermissions
{
    /// <summary>True when <paramref name="actor"/> inspects for its own enterprise.</summary>
    public static bool CanInspect(Actor actor) =>
        actor.Scope is { Kind: TenantScopeKind.Enterprise, EnterpriseId: not null, UserId: not null }
        && Roles.EnterpriseRoles.Any(actor.Is);

    /// <summary>The inspector's enterprise and account.</summary>
    /// <exception cref="DomainRuleException">The actor is not one of an enterprise's people.</exception>
    internal static (Guid EnterpriseId, Guid UserId) EnsureCanInspect(Actor actor) =>
        CanInspect(actor)
            ? (actor.Scope.EnterpriseId!.Value, actor.Scope.UserId!.Value)
            : throw new ForbiddenException(CoreText.Get("Inspection.NotAllowed"));
}
