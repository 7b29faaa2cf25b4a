using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DualPrevention.Core.Data;

/// <summary>Registers the DbContext (scoped factory, so each context reads the caller's scope) and its interceptors.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IDbContextFactory{TContext}"/> and the scoped <see cref="DualPreventionDbContext"/> on
    /// <paramref name="connectionString"/>, which must log in as the application role (not the table owner)
    /// so that row-level security applies.
    /// </summary>
    public static IServiceCollection AddDualPreventionData(this IServiceCollection services, string connectionString)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<TenantScopeAccessor>();
        services.TryAddScoped<ITenantScopeAccessor>(sp => sp.GetRequiredService<TenantScopeAccessor>());
        services.TryAddSingleton<TenantScopeConnectionInterceptor>();
        services.TryAddSingleton<AuditInterceptor>();

        // The options are the same for every context: built once, not once per request scope (building them costs
        // reflection and a service-provider lookup per request). The factory stays scoped so each context reads the
        // caller's tenant scope.
        services.TryAddSingleton(sp =>
        {
            var options = new DbContextOptionsBuilder<DualPreventionDbContext>();
            Configure(options, connectionString, sp.GetRequiredService<TenantScopeConnectionInterceptor>(), sp.GetRequiredService<AuditInterceptor>());
            return options.Options;
        });
        services.AddDbContextFactory<DualPreventionDbContext>((Action<DbContextOptionsBuilder>?)null, ServiceLifetime.Scoped);

        // Identity's stores and Data Protection resolve the context itself; it is made by the same factory.
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>The provider settings every context shares: Npgsql with PostGIS types, snake_case names, the two interceptors.</summary>
    public static DbContextOptionsBuilder Configure(
        DbContextOptionsBuilder options, string connectionString, TenantScopeConnectionInterceptor scopeInterceptor, AuditInterceptor auditInterceptor) =>
        options
            .UseNpgsql(connectionString, npgsql => npgsql
                .MigrationsHistoryTable("__ef_migrations_history")

                // Zones are PostGIS geometries in a site plan's metric coordinates (ADR 0029).
                .UseNetTopologySuite()

                // jsonb columns of dictionaries (ImportMappingProfile.Columns) need System.Text.Json's dynamic mapping.
                .ConfigureDataSource(dataSource => dataSource.EnableDynamicJson()))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(scopeInterceptor, auditInterceptor);
}
