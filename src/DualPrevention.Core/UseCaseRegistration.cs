using DualPrevention.Core.Accounts;
using DualPrevention.Core.Auditing;
using DualPrevention.Core.Demo;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Imports;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core;

/// <summary>Registers every use-case handler; pages, endpoints and jobs call them directly.</summary>
public static class UseCaseRegistration
{
    public static IServiceCollection AddDualPreventionUseCases(this IServiceCollection services) =>
        services
            .AddScoped<DescribeScope.Handler>()
            .AddScoped<ListRegions.Handler>()
            .AddScoped<ListChemicalParks.Handler>()
            .AddScoped<ListEnterprises.Handler>()
            .AddScoped<GetEnterprise.Handler>()
            .AddScoped<RegisterEnterprise.Handler>()
            .AddScoped<UpdateEnterprise.Handler>()
            .AddScoped<ListAccounts.Handler>()
            .AddScoped<CreateAccount.Handler>()
            .AddScoped<LockAccount.Handler>()
            .AddScoped<ResetAccountPassword.Handler>()
            .AddScoped<ChangeOwnPassword.Handler>()
            .AddScoped<ListAuditEntries.Handler>()
            .AddScoped<ImportRiskControlList.Handler>()
            .AddScoped<SeedDemoData>();
}
