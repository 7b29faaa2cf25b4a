using System.Security.Claims;
using Bunit;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using DualPrevention.Web.Hosting;
using DualPrevention.Web.Reports.Dashboards;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using MudBlazor;
using MudBlazor.Services;
using Npgsql;

namespace DualPrevention.Web.Tests.Shell;

/// <summary>
/// A page left while it loads stops its work (CancellationToken tied to the component, Shell/CancellableComponent):
/// the query it waits on is cancelled in PostgreSQL, and nothing is logged as an error.
/// </summary>
public sealed class LeavingWhileLoadingTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Leaving_the_city_dashboard_while_its_figures_load_cancels_their_query_and_logs_no_error()
    {
        var logs = new RecordingLoggerProvider();
        await using var bunit = new BunitContext();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddSingleton<ILoggerFactory>(LoggerFactory.Create(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace)));
        bunit.Services.AddSingleton(TimeProvider.System);
        bunit.Services.AddDualPreventionData(database.AppConnectionString);
        bunit.Services.AddDualPreventionUseCases();
        bunit.Services.AddSingleton<IStringLocalizer, AreaTextLocalizer>();
        bunit.Services.AddMudServices();
        bunit.AddAuthorization().SetAuthorized("qingdao").SetRoles(Roles.CityReviewer).SetClaims(new Claim(ScopeClaims.RegionCode, "370200"));
        bunit.Services.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.ForRegion("370200", userName: "qingdao");

        await using var owner = new NpgsqlConnection(database.OwnerConnectionString);
        await owner.OpenAsync();
        await using var hold = await owner.BeginTransactionAsync();
        await Execute(owner, "LOCK TABLE inspection_daily_statistic IN ACCESS EXCLUSIVE MODE");

        bunit.Render<MudPopoverProvider>();
        bunit.Render<CityDashboardPage>();
        await WaitUntil(async () => await WaitingOnTheLockAsync() == 1, "the dashboard's figures wait on the locked statistics");

        await bunit.DisposeComponentsAsync();

        await WaitUntil(async () => await WaitingOnTheLockAsync() == 0, "leaving the page cancels the query it waited on");
        await hold.RollbackAsync();
        await Task.Delay(TimeSpan.FromSeconds(1));
        logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message} {e.Exception}").ShouldBeEmpty();
        bunit.Renderer.UnhandledException.IsCompleted.ShouldBeFalse();
    }

    private async Task<long> WaitingOnTheLockAsync()
    {
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE relation = 'inspection_daily_statistic'::regclass AND NOT granted", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not within {Patience.TotalSeconds} s: {what}.");
            }

            await Task.Delay(100);
        }
    }
}
