using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Risks;

/// <summary>
/// Who may change the risk register: the enterprise's administrator and safety officers. Inspectors and
/// regulators read it only; what they read is bounded by the tenant scope.
/// </summary>
public static class RiskRegisterPermissions
{
    /// <summary>True when <paramref name="actor"/> edits its own enterprise's register.</summary>
    public static bool CanEdit(Actor actor) =>
        actor.Scope is { Kind: TenantScopeKind.Enterprise, EnterpriseId: not null }
        && (actor.Is(Roles.EnterpriseAdmin) || actor.Is(Roles.SafetyOfficer));

    /// <summary>The enterprise whose register <paramref name="actor"/> edits.</summary>
    /// <exception cref="DomainRuleException">The actor may only read.</exception>
    internal static Guid EnsureCanEdit(Actor actor) =>
        CanEdit(actor) ? actor.Scope.EnterpriseId!.Value : throw new ForbiddenException(CoreText.Get("Risk.EditNotAllowed"));

    /// <summary>The name written into assessment history and the audit trail.</summary>
    internal static string AssessorName(Actor actor) => actor.Scope.UserName ?? "";
}
