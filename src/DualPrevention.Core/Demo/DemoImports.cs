using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core.Demo;

/// <summary>
/// The sample workbooks of this folder (src/DualPrevention.Core/Demo/README.md), embedded, imported into a demo
/// enterprise through the real importers as its administrator would upload them. Each import is all or nothing and
/// skipped when the enterprise already has what it brings, so a second start imports nothing.
/// </summary>
internal static class DemoImports
{
    private const string RiskRegister = "risk-control-list_sample-plant.xlsx";
    private const string Ledger = "hidden-danger-ledger_flat-export.xlsx";

    /// <summary>Imports the sample risk-control list (4 objects, 10 units, 11 events, 32 measures) when the register has no object.</summary>
    /// <returns>Whether it was imported.</returns>
    public static async Task<bool> ImportRiskRegisterIfEmptyAsync(IServiceScopeFactory scopes, Guid enterpriseId, string adminUserName, CancellationToken cancellationToken)
    {
        await using var scope = AdminScope(scopes, enterpriseId, adminUserName, out var actor);
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await db.RiskAnalysisObjects.AnyAsync(cancellationToken))
            {
                return false;
            }
        }

        await scope.ServiceProvider.GetRequiredService<ImportRiskControlList.Handler>()
            .HandleAsync(actor, new ImportRiskControlList.Command(await ReadAsync(RiskRegister, cancellationToken), RiskRegister, Commit: true), cancellationToken);
        return true;
    }

    /// <summary>Imports the sample hidden-danger ledger (57 closed general hidden dangers of 2020) when the enterprise has no imported ledger row.</summary>
    /// <returns>Whether it was imported.</returns>
    public static async Task<bool> ImportLedgerIfNoneAsync(IServiceScopeFactory scopes, Guid enterpriseId, string adminUserName, CancellationToken cancellationToken)
    {
        await using var scope = AdminScope(scopes, enterpriseId, adminUserName, out var actor);
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await db.HiddenDangers.IgnoreQueryFilters(DualPreventionDbContext.SoftDeleteOnly).AnyAsync(h => h.Origin == HiddenDangerOrigin.LedgerImport, cancellationToken))
            {
                return false;
            }
        }

        await scope.ServiceProvider.GetRequiredService<ImportHiddenDangerLedger.Handler>()
            .HandleAsync(actor, new ImportHiddenDangerLedger.Command(await ReadAsync(Ledger, cancellationToken), Ledger, Commit: true), cancellationToken);
        return true;
    }

    /// <summary>The bytes of an embedded file of this folder.</summary>
    public static async Task<byte[]> ReadAsync(string fileName, CancellationToken cancellationToken)
    {
        var name = $"{typeof(DemoImports).Namespace}.{fileName}";
        await using var resource = typeof(DemoImports).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var bytes = new MemoryStream();
        await resource.CopyToAsync(bytes, cancellationToken);
        return bytes.ToArray();
    }

    public static AsyncServiceScope AdminScope(IServiceScopeFactory scopes, Guid enterpriseId, string adminUserName, out Actor actor)
    {
        actor = new Actor(TenantScope.ForEnterprise(enterpriseId, null, adminUserName), new HashSet<string>(StringComparer.Ordinal) { Roles.EnterpriseAdmin });
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return scope;
    }
}
