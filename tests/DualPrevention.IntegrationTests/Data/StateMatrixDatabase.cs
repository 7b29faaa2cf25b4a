using DualPrevention.Core.HiddenDangers;
using DualPrevention.IntegrationTests.Inspections;
using DualPrevention.Testing;
using Npgsql;

namespace DualPrevention.IntegrationTests.Data;

/// <summary>
/// The demo enterprises with a hidden danger of demo-qd1 in every state and with every kind of deadline (none, the day
/// before <see cref="Today"/>, that day, the day after), and windows of every status: what the state sets are tried on.
/// </summary>
public sealed class StateMatrixDatabase : DemoDatabase
{
    public static readonly DateOnly Today = new(2026, 11, 2);

    public static readonly DateOnly?[] Deadlines = [null, Today.AddDays(-1), Today, Today.AddDays(1)];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        foreach (var state in Enum.GetValues<HiddenDangerState>())
        {
            foreach (var deadline in Deadlines)
            {
                var danger = ForcedHiddenDanger.Of(Qd1).InState(state).Named($"{state} {deadline}");
                await (deadline is { } d ? danger.DueOn(d) : danger).SaveAsync(this);
            }
        }

        await InspectionSite.PrepareAsync(this, Qd1, "泵区", "泵体", "密封", "压力表", "阀门", "接地", "防护罩");
        await using var owner = new NpgsqlConnection(OwnerConnectionString);
        await owner.OpenAsync();
        await using var spread = new NpgsqlCommand(
            $"""
            UPDATE inspection_task t SET status = x.n % {Enum.GetValues<Core.Inspections.InspectionTaskStatus>().Length}
            FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM inspection_task) x
            WHERE t.id = x.id
            """, owner);
        await spread.ExecuteNonQueryAsync();
    }
}
