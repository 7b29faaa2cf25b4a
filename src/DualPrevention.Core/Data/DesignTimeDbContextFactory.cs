using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace DualPrevention.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the web host; it never connects.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<DualPreventionDbContext>
{
    public DualPreventionDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<DualPreventionDbContext>();
        DataServiceCollectionExtensions.Configure(
            options, "Host=localhost;Database=design_time", new TenantScopeConnectionInterceptor(), new AuditInterceptor(TimeProvider.System));
        return new DualPreventionDbContext(options.Options, new TenantScopeAccessor(TenantScope.System));
    }
}
