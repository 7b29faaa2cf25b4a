using System.Buffers;
using System.Threading.Channels;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DualPrevention.Web.Positioning;

/// <summary>
/// Consumes fixes on a job node (ADR 0038): a member of the MQTT v5 shared subscription, so each message reaches one
/// node; QoS 1 with a persistent session, and each message acknowledged only after <see cref="AcceptFixes"/> stored
/// its batch, so a node killed mid-stream loses nothing the broker delivered: the broker delivers the unacknowledged
/// messages again when the node's session resumes. The enterprise is read from the topic, and a tag of another
/// enterprise is refused there (ADR 0036).
/// </summary>
public sealed partial class FixConsumer(
    IOptions<MqttOptions> mqtt,
    IOptions<FixConsumerOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<FixConsumer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the node has first joined the shared subscription (messages published before then reach other members only).</summary>
    public Task Subscribed => _subscribed.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ConsumeAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogConsumerFailed(exception, options.Value.RetryDelay);
                await Task.Delay(options.Value.RetryDelay, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>
    /// Connects, subscribes and stores batches until the connection drops, a batch fails or the node stops. Three
    /// stages overlap (ADR 0038): messages are parsed as they arrive; one batch is stored while the one stored before
    /// it is announced (fence rules) and acknowledged, in the order they were stored.
    /// </summary>
    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        var settings = mqtt.Value;
        var consumer = options.Value;
        var received = Channel.CreateUnbounded<Received>(new UnboundedChannelOptions { SingleReader = true });
        var stored = Channel.CreateBounded<(Task<AcceptFixes.Stored> Batch, List<Received> Messages)>(
            new BoundedChannelOptions(consumer.StoreConcurrency) { SingleReader = true, SingleWriter = true });
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            e.AutoAcknowledge = false;
            received.Writer.TryWrite(new Received(e, Parse(e.ApplicationMessage)));
            return Task.CompletedTask;
        };
        client.DisconnectedAsync += _ =>
        {
            received.Writer.TryComplete();
            return Task.CompletedTask;
        };

        await client.ConnectAsync(
            new MqttClientOptionsBuilder()
                .WithTcpServer(settings.Host, settings.Port)
                .WithCredentials(settings.Username, settings.Password)
                .WithProtocolVersion(MqttProtocolVersion.V500)
                .WithClientId(consumer.ClientIdOrDefault)
                .WithCleanStart(false)
                .WithSessionExpiryInterval((uint)consumer.SessionExpiry.TotalSeconds)
                .Build(),
            stoppingToken);
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        try
        {
            await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter(FixTopics.SharedSubscriptionOf(consumer.Group), MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(),
                stoppingToken);
            LogConsuming(consumer.ClientIdOrDefault, consumer.Group);
            _subscribed.TrySetResult();

            var announcing = AnnounceAsync(stored.Reader, failed);
            try
            {
                await StoreAsync(received.Reader, stored.Writer, consumer, failed.Token);
            }
            catch
            {
                await failed.CancelAsync();
                throw;
            }
            finally
            {
                stored.Writer.TryComplete();
                await announcing;
            }
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
        }
    }

    /// <summary>A message as it arrived, with its fixes parsed; no delivery when its topic is no fixes topic.</summary>
    private sealed record Received(MqttApplicationMessageReceivedEventArgs Message, AcceptFixes.Delivery? Delivery);

    private AcceptFixes.Delivery? Parse(MqttApplicationMessage message)
    {
        if (FixTopics.EnterpriseOf(message.Topic) is { } enterpriseId)
        {
            return new AcceptFixes.Delivery(enterpriseId, FixPayload.Parse(message.Payload.IsSingleSegment ? message.Payload.FirstSpan : message.Payload.ToArray(), clock.GetUtcNow()));
        }

        LogForeignTopic(message.Topic);
        return null;
    }

    /// <summary>
    /// Stores what has arrived, up to <see cref="FixConsumerOptions.MaxMessagesPerBatch"/> messages per transaction,
    /// with up to <see cref="FixConsumerOptions.StoreConcurrency"/> transactions at once (each on its own connection),
    /// each thinned in its turn (<see cref="ThinningTurn"/>), and passes each batch on in the order it was taken,
    /// stored or still storing.
    /// </summary>
    private async Task StoreAsync(
        ChannelReader<Received> received,
        ChannelWriter<(Task<AcceptFixes.Stored> Batch, List<Received> Messages)> stored,
        FixConsumerOptions consumer,
        CancellationToken cancellationToken)
    {
        // Not disposed: a batch still storing when this loop ends (the node stops or a batch failed) releases its slot later.
        var slots = new SemaphoreSlim(consumer.StoreConcurrency);
        var turn = ThinningTurn.First();
        while (await received.WaitToReadAsync(cancellationToken))
        {
            await slots.WaitAsync(cancellationToken);
            var batch = new List<Received>(consumer.MaxMessagesPerBatch);
            while (batch.Count < consumer.MaxMessagesPerBatch && received.TryRead(out var message))
            {
                batch.Add(message);
            }

            await stored.WriteAsync((StoreOneAsync(batch, turn, slots, cancellationToken), batch), cancellationToken);
            turn = turn.Next();
        }
    }

    private async Task<AcceptFixes.Stored> StoreOneAsync(List<Received> batch, ThinningTurn turn, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            return await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>()
                .StoreAsync([.. batch.Select(m => m.Delivery).OfType<AcceptFixes.Delivery>()], turn, cancellationToken);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>
    /// Announces the stored batches in order and acknowledges each batch's messages only then: a node that dies before
    /// has them delivered again. A failure here stops the storing too (<paramref name="failed"/>), and the node reconnects.
    /// </summary>
    private async Task AnnounceAsync(ChannelReader<(Task<AcceptFixes.Stored> Batch, List<Received> Messages)> stored, CancellationTokenSource failed)
    {
        try
        {
            await foreach (var (storing, messages) in stored.ReadAllAsync(failed.Token))
            {
                var batch = await storing;
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
                await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>().AnnounceAsync(batch, failed.Token);
                foreach (var message in messages)
                {
                    await message.Message.AcknowledgeAsync(failed.Token);
                }
            }
        }
        catch (OperationCanceledException) when (failed.IsCancellationRequested)
        {
            // Storing failed or the node stops: the unacknowledged messages are delivered again.
        }
        catch (Exception exception)
        {
            LogAnnounceFailed(exception);
            await failed.CancelAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming fixes as {ClientId} in share group {Group}")]
    private partial void LogConsuming(string clientId, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on {Topic}, which is no fixes topic, was acknowledged and dropped")]
    private partial void LogForeignTopic(string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Announcing stored fixes failed; reconnecting (unacknowledged messages are delivered again)")]
    private partial void LogAnnounceFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consuming fixes failed; reconnecting in {Delay} (unacknowledged messages are delivered again)")]
    private partial void LogConsumerFailed(Exception exception, TimeSpan delay);
}
