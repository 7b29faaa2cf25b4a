using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using DualPrevention.IntegrationTests.Escalations;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.IntegrationTests.HiddenDangers;

/// <summary>
/// Two judges acting on one hidden danger at the same moment: both load it pending acceptance, and only the first
/// step is saved (the row's xmin is the concurrency token); the second is refused and leaves no timeline entry.
/// </summary>
public sealed class HiddenDangerConcurrencyTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly HiddenDangerDriver _driver = new(database);
    private Actor _admin = null!;
    private Actor _inspector = null!;
    private Actor _safetyOfficer = null!;

    public async Task InitializeAsync()
    {
        _admin = await _driver.ActorAsync("demo-qd1-admin");
        _inspector = await _driver.ActorAsync("demo-qd1-inspector");
        await database.EnsureSafetyOfficerAsync(database.Qd1, "demo-qd1-safety");
        _safetyOfficer = await _driver.ActorAsync("demo-qd1-safety");
    }

    public async Task DisposeAsync() => await _driver.DisposeAsync();

    [Fact]
    public async Task Of_an_acceptance_and_a_refusal_saved_at_the_same_moment_only_the_first_is_kept()
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(7));
        await _driver.RectifyAsync(_inspector, id);

        // Holding the row makes both judges read it pending acceptance and queue their updates behind the lock.
        await using var holder = new NpgsqlConnection(database.OwnerConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("SELECT 1 FROM hidden_danger WHERE id = @id FOR UPDATE", holder, hold))
        {
            lockRow.Parameters.AddWithValue("id", id);
            await lockRow.ExecuteScalarAsync();
        }

        var accept = Outcome(_driver.AcceptAsync(_safetyOfficer, id));
        var reject = Outcome(_driver.RunAsync<RejectAcceptance.Handler>(_admin, h => h.HandleAsync(_admin, new(id, "照片不清晰"), default)));
        await WaitForWaitingUpdatesAsync(database.Name, 2, accept, reject);
        await hold.RollbackAsync();

        var outcomes = await Task.WhenAll(accept, reject);
        outcomes.Count(o => o is null).ShouldBe(1);
        outcomes.Single(o => o is not null).ShouldBeOfType<DomainRuleException>().Message.ShouldBe(CoreText.Get("HiddenDanger.Concurrency"));

        await using var db = database.OwnerContext(TenantScope.System);
        var judgements = await db.HiddenDangerHistory
            .Where(e => e.HiddenDangerId == id && (e.Action == nameof(HiddenDangerAction.Accept) || e.Action == nameof(HiddenDangerAction.RejectAcceptance)))
            .Select(e => e.Action)
            .ToListAsync();
        judgements.Count.ShouldBe(1);
        var state = await db.HiddenDangers.Where(h => h.Id == id).Select(h => h.State).SingleAsync();
        state.ShouldBe(judgements[0] == nameof(HiddenDangerAction.Accept) ? HiddenDangerState.Accepted : HiddenDangerState.Rectifying);
    }

    private static async Task<Exception?> Outcome(Task step)
    {
        try
        {
            await step;
            return null;
        }
        catch (Exception ex)
        {
            return ex;
        }
    }

    /// <summary>
    /// Waits until <paramref name="count"/> sessions of the test database wait for a lock, read as the server's
    /// superuser (other roles do not see every session's wait), or until a step has ended (its outcome then says why).
    /// </summary>
    private static async Task WaitForWaitingUpdatesAsync(string databaseName, int count, params Task[] steps)
    {
        await using var admin = new NpgsqlConnection(await PostgresServer.AdminConnectionStringAsync());
        await admin.OpenAsync();
        await using var waiting = new NpgsqlCommand(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = @database AND wait_event_type = 'Lock'", admin);
        waiting.Parameters.AddWithValue("database", databaseName);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (!steps.Any(s => s.IsCompleted) && (long)(await waiting.ExecuteScalarAsync())! < count)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "both steps should be waiting on the held row");
            await Task.Delay(50);
        }
    }
}
