using System.Collections.Concurrent;
using DualPrevention.Core.Alarms;
using Npgsql;

namespace DualPrevention.Web.Alarms;

/// <summary>
/// Relays <see cref="AlarmFeed"/> between nodes over PostgreSQL <c>LISTEN</c>/<c>NOTIFY</c> (ADR 0043): a change on this
/// node is sent as <c>NOTIFY dp_alarm_feed, '&lt;node&gt;:&lt;enterprise&gt;'</c>, and a notice from another node makes
/// this node's duty pages reload. The payload holds only ids; what a page shows it reads itself under its user's tenancy.
/// One connection listens, one sends; both reconnect after a failure. A change arriving while the database is away is
/// not relayed: the duty pages' periodic reload still shows it.
/// </summary>
public sealed partial class AlarmFeedBackplane(AlarmFeed feed, string connectionString, ILogger<AlarmFeedBackplane> logger) : BackgroundService
{
    public const string Channel = "dp_alarm_feed";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly string _node = Guid.NewGuid().ToString("N");
    private readonly ConcurrentDictionary<Guid, byte> _pending = new();
    private readonly SemaphoreSlim _wake = new(0);
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node listens (tests wait for it before signalling).</summary>
    public Task Listening => _listening.Task;

    public override void Dispose()
    {
        feed.Signalled -= Enqueue;
        _wake.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        feed.Signalled += Enqueue;
        return Task.WhenAll(ListenAsync(stoppingToken), SendAsync(stoppingToken));
    }

    private void Enqueue(Guid enterpriseId)
    {
        if (_pending.TryAdd(enterpriseId, 0))
        {
            _wake.Release();
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, notice) => Receive(notice.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or IOException)
            {
                LogListenFailed(exception, RetryDelay.TotalSeconds);
            }

            try
            {
                await Task.Delay(RetryDelay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Receive(string payload)
    {
        var parts = payload.Split(':');
        if (parts.Length == 2 && parts[0] != _node && Guid.TryParse(parts[1], out var enterpriseId))
        {
            feed.SignalFromOtherNode(enterpriseId);
        }
    }

    private async Task SendAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stoppingToken);
                var ids = _pending.Keys.ToList();
                foreach (var id in ids)
                {
                    _pending.TryRemove(id, out _);
                }

                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using var batch = new NpgsqlBatch(connection);
                foreach (var id in ids)
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
                    {
                        Parameters = { new() { Value = Channel }, new() { Value = $"{_node}:{id:N}" } },
                    });
                }

                await batch.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or IOException)
            {
                LogSendFailed(exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for other nodes' alarm changes failed; trying again in {Seconds} s")]
    private partial void LogListenFailed(Exception exception, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telling other nodes of alarm changes failed; their duty pages show them at their next reload")]
    private partial void LogSendFailed(Exception exception);
}
