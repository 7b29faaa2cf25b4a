using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// Who handles alarms: the enterprise's duty roles, its administrator and safety officers (ADR 0037). Others read
/// within their scope: regulators the alarms of their region, read-only.
/// </summary>
public static class AlarmPermissions
{
    public static bool CanHandle(Actor actor) =>
        actor.Scope is { Kind: TenantScopeKind.Enterprise, EnterpriseId: not null }
        && (actor.Is(Roles.EnterpriseAdmin) || actor.Is(Roles.SafetyOfficer));

    /// <exception cref="DomainRuleException">The actor may only read.</exception>
    internal static void EnsureCanHandle(Actor actor)
    {
        if (!CanHandle(actor))
        {
            throw new ForbiddenException(CoreText.Get("Alarm.HandleNotAllowed"));
        }
    }
}
