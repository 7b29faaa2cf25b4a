using System.Collections.Concurrent;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Data;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Photos;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Tenancy;
using FluentValidation;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace DualPrevention.Testing;

/// <summary>
/// A freshly migrated database of its own for one test class (use as <c>IClassFixture</c>): created on the
/// shared server, owned by <c>dp_owner</c>, reached by the application as <c>dp_app</c> so row-level security
/// applies, and dropped afterwards.
/// </summary>
public class TestDatabase : IAsyncLifetime
{
    public const string OwnerRole = "dp_owner";
    public const string AppRole = "dp_app";

    private string _adminConnectionString = "";

    public string Name { get; } = $"dp_test_{Guid.NewGuid():N}";

    public string OwnerConnectionString { get; private set; } = "";

    public string AppConnectionString { get; private set; } = "";

    /// <summary>Where the photo store of <see cref="CreateServices"/> and of the web host keeps files; removed afterwards.</summary>
    public string PhotoDirectory => Path.Combine(Path.GetTempPath(), $"dp-tests-{Name}", "photos");

    /// <summary>Where the report file store keeps finished exports; removed afterwards.</summary>
    public string ReportDirectory => Path.Combine(Path.GetTempPath(), $"dp-tests-{Name}", "reports");

    /// <summary>Exports handed to the background job runner by <see cref="CreateServices"/>' services, in order; tests run them.</summary>
    public ConcurrentQueue<Guid> ScheduledExports { get; } = new();

    /// <summary>The clock handed to services built by <see cref="CreateServices"/>; starts at 2026-11-02 08:00 Asia/Shanghai.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero));

    public virtual async Task InitializeAsync()
    {
        _adminConnectionString = await AdminConnectionStringAsync();
        await using (var admin = new NpgsqlConnection(_adminConnectionString))
        {
            await admin.OpenAsync();
            await EnsureRoleAsync(admin, OwnerRole, "LOGIN");
            await EnsureRoleAsync(admin, AppRole, "LOGIN NOSUPERUSER NOBYPASSRLS");
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Name} OWNER {OwnerRole}", admin);
            await create.ExecuteNonQueryAsync();
        }

        await CreateExtensionsAsync(new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = Name }.ConnectionString);
        OwnerConnectionString = WithUser(OwnerRole);
        AppConnectionString = WithUser(AppRole);
        await new DatabaseMigrator(Clock, NullLogger<DatabaseMigrator>.Instance).MigrateAsync(OwnerConnectionString, AppRole, CancellationToken.None);
        await Web.Hosting.HangfireSchema.InstallAsync(OwnerConnectionString, CancellationToken.None);
    }

    /// <summary>
    /// Creates, as the superuser, the extensions the migrations expect in every platform database: PostGIS for site
    /// plans' zones (ADR 0029), which the owner may not create. As deploy/local/lib.sh does for the platform's own.
    /// </summary>
    public static async Task CreateExtensionsAsync(string adminConnectionString)
    {
        await using var admin = new NpgsqlConnection(adminConnectionString);
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", admin);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>The server the database is made on: the shared test server unless a subclass names its own.</summary>
    protected virtual Task<string> AdminConnectionStringAsync() => PostgresServer.AdminConnectionStringAsync();

    public virtual async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(_adminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
        foreach (var directory in new[] { PhotoDirectory, ReportDirectory }.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>
    /// Core services on the app-role connection, as the web host registers them: data, use cases, Identity.
    /// Each scope's tenant is set through <see cref="TenantScopeAccessor"/>.
    /// </summary>
    /// <param name="configure">Adds or replaces services before the provider is built, e.g. an outbound notification channel.</param>
    public ServiceProvider CreateServices(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddDualPreventionData(AppConnectionString);
        services.AddSingleton<IDataProtectionProvider, EphemeralDataProtectionProvider>();
        services.AddDualPreventionUseCases();
        services.AddSingleton<IPhotoStore>(new LocalDiskPhotoStore(PhotoDirectory));
        services.AddSingleton<IReportFileStore>(new LocalDiskReportFileStore(ReportDirectory));
        services.AddSingleton<IReportExportScheduler>(new RecordingExportScheduler(ScheduledExports));
        services.AddSingleton<IValidator<EnterpriseDetails>, EnterpriseDetailsValidator>();
        services.AddSingleton<IValidator<NewAccount>, NewAccountValidator>();
        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<DualPreventionDbContext>()
            .AddPasswordValidator<ThreeCharacterClassesPasswordValidator>()
            .AddPasswordValidator<DeniedPasswordValidator>()
            .AddDefaultTokenProviders();
        configure?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>A context on the owner connection (row-level security does not bind the owner) under <paramref name="scope"/>.</summary>
    public DualPreventionDbContext OwnerContext(TenantScope scope) => Context(OwnerConnectionString, scope);

    /// <summary>A context on the app-role connection under <paramref name="scope"/>.</summary>
    public DualPreventionDbContext AppContext(TenantScope scope) => Context(AppConnectionString, scope);

    /// <summary>A raw app-role connection with <paramref name="scope"/>'s settings, as the interceptor sets them, for SQL the policies must judge.</summary>
    public async Task<NpgsqlConnection> OpenAppConnectionAsync(TenantScope scope)
    {
        var connection = new NpgsqlConnection(AppConnectionString);
        await connection.OpenAsync();
        var (kind, enterprise, region) = TenantScopeConnectionInterceptor.SettingsFor(scope);
        await using var set = new NpgsqlCommand(
            "SELECT set_config('app.scope_kind', @k, false), set_config('app.enterprise_id', @e, false), set_config('app.region_code', @r, false)", connection);
        set.Parameters.AddWithValue("k", kind);
        set.Parameters.AddWithValue("e", enterprise);
        set.Parameters.AddWithValue("r", region);
        await set.ExecuteNonQueryAsync();
        return connection;
    }

    private DualPreventionDbContext Context(string connectionString, TenantScope scope)
    {
        var options = new DbContextOptionsBuilder<DualPreventionDbContext>();
        DataServiceCollectionExtensions.Configure(options, connectionString, new TenantScopeConnectionInterceptor(), new AuditInterceptor(Clock));
        return new DualPreventionDbContext(options.Options, new TenantScopeAccessor(scope));
    }

    private string WithUser(string role) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = Name, Username = role, Password = role }.ConnectionString;

    private static async Task EnsureRoleAsync(NpgsqlConnection admin, string role, string attributes)
    {
        // Test classes and test projects run in parallel: a concurrent CREATE ROLE may win the race.
        try
        {
            await using var command = new NpgsqlCommand(
                $"DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN CREATE ROLE {role} {attributes} PASSWORD '{role}'; END IF; END $$", admin);
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateObject or PostgresErrorCodes.UniqueViolation)
        {
        }
    }
}
