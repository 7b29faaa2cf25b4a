using System.Diagnostics;
using System.Globalization;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Benchmarks;

/// <summary>
/// Times the real <see cref="ImportRiskControlList"/> use case end to end — parse, validate, commit — on a
/// generated list of 50,000 × scale measures in a fresh database, after a small warm-up import. It then hands the
/// same workbook to the hidden-danger ledger importer, which reads every row and refuses it (no ledger header), and
/// prints that refusal's time as <c>import_refusal_ms=&lt;n&gt;</c>. The last line printed is
/// <c>import_rows_per_second=&lt;n&gt;</c> (measures committed per second of wall time).
/// </summary>
internal static class ImportBenchmark
{
    private const int FullSize = 50_000;

    public static async Task RunAsync(double scale)
    {
        var measures = Math.Max(1, (int)Math.Round(FullSize * scale));
        var file = RegisterWorkbookGenerator.Generate(measures);
        Console.WriteLine($"workbook: {measures:N0} measures, {file.Length / 1048576.0:F1} MB");

        await using var database = await BenchmarkDatabase.CreateAsync();
        var (enterprise, warmUp) = await SeedEnterprisesAsync(database);
        await using var services = BuildServices(database);

        // A server has imported before: warm the JIT (tiered compilation promotes hot code after a pause) and the pools.
        await ImportAsync(services, warmUp, RegisterWorkbookGenerator.Generate(Math.Clamp(measures / 10, 200, 5_000)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        GC.Collect();
        var watch = Stopwatch.StartNew();
        var result = await ImportAsync(services, enterprise, file);
        watch.Stop();
        if (!result.Committed || result.Measures.New != measures)
        {
            Console.Error.WriteLine($"import did not commit {measures} measures: {result.ErrorCount} errors, first: {(result.Problems.Count > 0 ? result.Problems[0].Message : "")}");
            Environment.Exit(1);
        }

        var again = Stopwatch.StartNew();
        var reimport = await ImportAsync(services, enterprise, file);
        again.Stop();

        var refusal = Stopwatch.StartNew();
        var refused = await RefuseAsync(services, enterprise, file);
        refusal.Stop();
        if (!refused)
        {
            Console.Error.WriteLine("the ledger importer accepted a risk-control list");
            Environment.Exit(1);
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var rate = measures / watch.Elapsed.TotalSeconds;
        Console.WriteLine($"imported: {result.Objects.New} objects, {result.Units.New} units, {result.Events.New} events, {result.Measures.New:N0} measures, {result.Assessments:N0} assessments, {result.WarningCount} warnings");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wall_seconds={watch.Elapsed.TotalSeconds:F2}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reimport_seconds={again.Elapsed.TotalSeconds:F2} (unchanged measures: {reimport.Measures.Unchanged:N0}, written: {reimport.Measures.New + reimport.Measures.Updated})"));
        Console.WriteLine($"rows={measures}");
        Console.WriteLine($"peak_working_set_mb={process.PeakWorkingSet64 / 1048576}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import_refusal_ms={refusal.Elapsed.TotalMilliseconds:F0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"import_rows_per_second={rate:F0}"));
    }

    private static async Task<ImportRiskControlList.Result> ImportAsync(ServiceProvider services, Guid enterpriseId, byte[] file)
    {
        var actor = new Actor(TenantScope.ForEnterprise(enterpriseId, null, "benchmark"), new HashSet<string> { Roles.EnterpriseAdmin });
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await scope.ServiceProvider.GetRequiredService<ImportRiskControlList.Handler>()
            .HandleAsync(actor, new ImportRiskControlList.Command(file, "benchmark.xlsx", Commit: true), CancellationToken.None);
    }

    /// <summary>True when the ledger importer refuses <paramref name="file"/> (a refusal is a <see cref="DomainRuleException"/>).</summary>
    private static async Task<bool> RefuseAsync(ServiceProvider services, Guid enterpriseId, byte[] file)
    {
        var actor = new Actor(TenantScope.ForEnterprise(enterpriseId, null, "benchmark"), new HashSet<string> { Roles.EnterpriseAdmin });
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        try
        {
            await scope.ServiceProvider.GetRequiredService<ImportHiddenDangerLedger.Handler>()
                .HandleAsync(actor, new ImportHiddenDangerLedger.Command(file, "benchmark.xlsx", Commit: false), CancellationToken.None);
            return false;
        }
        catch (DomainRuleException)
        {
            return true;
        }
    }

    private static ServiceProvider BuildServices(BenchmarkDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddDualPreventionData(database.AppConnectionString);
        services.AddDualPreventionUseCases();
        return services.BuildServiceProvider();
    }

    private static async Task<(Guid Enterprise, Guid WarmUp)> SeedEnterprisesAsync(BenchmarkDatabase database)
    {
        var migrator = new DatabaseMigrator(TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance);
        await using var db = migrator.CreateOwnerContext(database.OwnerConnectionString);
        var now = TimeProvider.System.GetUtcNow();
        var enterprise = Enterprise.Register("bench-main", Details("基准测试石化有限公司", "91370211MA3QD00018", "370211"), now);
        var warmUp = Enterprise.Register("bench-warm", Details("基准预热化工有限公司", "91370214MA3QD0002N", "370214"), now);
        db.Enterprises.AddRange(enterprise, warmUp);
        await db.SaveChangesAsync();
        return (enterprise.Id, warmUp.Id);
    }

    private static EnterpriseDetails Details(string name, string creditCode, string county) => new()
    {
        Name = name,
        UnifiedSocialCreditCode = creditCode,
        RegionCode = county,
        Kinds = EnterpriseKinds.Production | EnterpriseKinds.Storage,
        Address = $"{name}厂区",
        PrincipalName = "张总",
        IsMajorHazardEnterprise = true,
    };
}
