namespace DualPrevention.Core.Tenancy;

/// <summary>Scoped holder of the current <see cref="TenantScope"/>; set by the web host from the signed-in user and by jobs to <see cref="TenantScope.System"/>.</summary>
public sealed class TenantScopeAccessor : ITenantScopeAccessor
{
    public TenantScopeAccessor()
    {
    }

    public TenantScopeAccessor(TenantScope scope) => Current = scope;

    public TenantScope Current { get; set; } = TenantScope.None;
}
