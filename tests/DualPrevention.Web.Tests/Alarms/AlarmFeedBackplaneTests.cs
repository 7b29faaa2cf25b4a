using DualPrevention.Core.Alarms;
using DualPrevention.Testing;
using DualPrevention.Web.Alarms;
using Microsoft.Extensions.Logging.Abstractions;

namespace DualPrevention.Web.Tests.Alarms;

/// <summary>
/// The alarm feed between nodes (ADR 0043) on the real PostgreSQL: a change signalled on one node reaches the other
/// node's duty pages, reaches its own pages once (its notice coming back is not a second change), and reaches no page of
/// another enterprise.
/// </summary>
public class AlarmFeedBackplaneTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task A_change_on_one_node_reaches_the_other_nodes_pages_and_its_own_once()
    {
        var (feedA, feedB) = (new AlarmFeed(), new AlarmFeed());
        using var nodeA = new AlarmFeedBackplane(feedA, database.AppConnectionString, NullLogger<AlarmFeedBackplane>.Instance);
        using var nodeB = new AlarmFeedBackplane(feedB, database.AppConnectionString, NullLogger<AlarmFeedBackplane>.Instance);
        await nodeA.StartAsync(CancellationToken.None);
        await nodeB.StartAsync(CancellationToken.None);
        await Task.WhenAll(nodeA.Listening, nodeB.Listening).WaitAsync(TimeSpan.FromSeconds(30));
        var (enterprise, other, marker) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var (onA, onB, onOther) = (0, 0, 0);
        var reachedB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var markerReachedA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var pageOnA = feedA.Subscribe(enterprise, () => Interlocked.Increment(ref onA));
        using var pageOnB = feedB.Subscribe(enterprise, () =>
        {
            Interlocked.Increment(ref onB);
            reachedB.TrySetResult();
        });
        using var otherPageOnB = feedB.Subscribe(other, () => Interlocked.Increment(ref onOther));
        using var markerOnA = feedA.Subscribe(marker, markerReachedA.SetResult);

        feedA.Signal(enterprise);
        await reachedB.Task.WaitAsync(TimeSpan.FromSeconds(10));

        // B's notice is committed after A's, and PostgreSQL delivers notices in commit order: once it reached A, A's own
        // notice has come back too, and must not have counted as a second change.
        feedB.Signal(marker);
        await markerReachedA.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (onA, onB, onOther).ShouldBe((1, 1, 0));

        await nodeA.StopAsync(CancellationToken.None);
        await nodeB.StopAsync(CancellationToken.None);
    }
}
