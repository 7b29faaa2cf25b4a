using DualPrevention.Core.Accounts;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.IntegrationTests.Imports;

/// <summary>Runs <see cref="ImportRiskControlList"/> as a user of an enterprise, the way the page and the endpoint do.</summary>
internal static class Importer
{
    public static async Task<ImportRiskControlList.Result> RunAsync(
        TestDatabase database, Guid enterpriseId, byte[] file, bool commit,
        IReadOnlyDictionary<string, string>? mapping = null, string role = Roles.EnterpriseAdmin, string userName = "demo-admin",
        IReadOnlyList<ImportAnswer>? answers = null)
    {
        var actor = new Actor(TenantScope.ForEnterprise(enterpriseId, null, userName), new HashSet<string> { role });
        await using var services = database.CreateServices();
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = actor.Scope;
        return await scope.ServiceProvider.GetRequiredService<ImportRiskControlList.Handler>()
            .HandleAsync(actor, new ImportRiskControlList.Command(file, "清单.xlsx", commit, mapping, Answers: answers), CancellationToken.None);
    }

    /// <summary>"Sheet!Row Column: message" lines, for assertion messages.</summary>
    public static string Describe(ImportRiskControlList.Result result) =>
        string.Join("\n", result.Problems.Select(p => $"{p.Severity} {p.Sheet}!{p.Column}{p.Row} [{p.Header}] {p.Message}"));
}
