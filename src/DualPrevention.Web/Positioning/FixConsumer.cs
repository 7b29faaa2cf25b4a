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

    /// <summary>Connects, subscribes and stores batches until the connection drops, a batch fails or the node stops.</summary>
    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        var settings = mqtt.Value;
        var consumer = options.Value;
        var received = Channel.CreateUnbounded<MqttApplicationMessageReceivedEventArgs>(new UnboundedChannelOptions { SingleReader = true });
        using var client = new MqttClientFactory().CreateMqttClient();
        client.ApplicationMessageReceivedAsync += e =>
        {
            e.AutoAcknowledge = false;
            received.Writer.TryWrite(e);
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
        try
        {
            await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter(FixTopics.SharedSubscriptionOf(consumer.Group), MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(),
                stoppingToken);
            LogConsuming(consumer.ClientIdOrDefault, consumer.Group);
            _subscribed.TrySetResult();

            var batch = new List<MqttApplicationMessageReceivedEventArgs>(consumer.MaxMessagesPerBatch);
            while (await received.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < consumer.MaxMessagesPerBatch && received.Reader.TryRead(out var message))
                {
                    batch.Add(message);
                }

                await StoreAsync(batch, stoppingToken);
                // Acknowledged only now: a node that dies before this line has its messages delivered again.
                foreach (var message in batch)
                {
                    await message.AcknowledgeAsync(stoppingToken);
                }

                batch.Clear();
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

    private async Task StoreAsync(List<MqttApplicationMessageReceivedEventArgs> batch, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var deliveries = new List<AcceptFixes.Delivery>(batch.Count);
        foreach (var message in batch)
        {
            var topic = message.ApplicationMessage.Topic;
            if (FixTopics.EnterpriseOf(topic) is { } enterpriseId)
            {
                deliveries.Add(new AcceptFixes.Delivery(enterpriseId, FixPayload.Parse(message.ApplicationMessage.Payload.ToArray(), now)));
            }
            else
            {
                LogForeignTopic(topic);
            }
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>().HandleAsync(deliveries, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming fixes as {ClientId} in share group {Group}")]
    private partial void LogConsuming(string clientId, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on {Topic}, which is no fixes topic, was acknowledged and dropped")]
    private partial void LogForeignTopic(string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consuming fixes failed; reconnecting in {Delay} (unacknowledged messages are delivered again)")]
    private partial void LogConsumerFailed(Exception exception, TimeSpan delay);
}
