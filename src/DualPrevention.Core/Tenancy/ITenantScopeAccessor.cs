namespace DualPrevention.Core.Tenancy;

/// <summary>Holds the scope of the current request, circuit or job; the DbContext reads it for every query.</summary>
public interface ITenantScopeAccessor
{
    /// <summary>The scope in force; <see cref="TenantScope.None"/> until someone sets it.</summary>
    TenantScope Current { get; }
}
