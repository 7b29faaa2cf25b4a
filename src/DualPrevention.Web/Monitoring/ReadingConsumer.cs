using System.Buffers;
using System.Threading.Channels;
using DualPrevention.Core.Monitoring;
using DualPrevention.Core.Tenancy;
using DualPrevention.Web.Positioning;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DualPrevention.Web.Monitoring;

/// <summary>
/// Consumes monitoring readings on a job node (ADR 0050), shaped like the fix consumer (ADR 0038): a member of the MQTT
/// v5 shared subscription of its own group, so each message reaches one node; QoS 1 with a persistent session, and the
/// messages of a batch acknowledged only after <see cref="AcceptReadings"/> stored and evaluated them, so a node killed
/// mid-stream loses nothing: the broker delivers them again, and a repeated reading changes nothing. The enterprise is
/// read from the topic, which the broker lets a device publish into for its own enterprise only (ADR 0036).
/// </summary>
public sealed partial class ReadingConsumer(
    IOptions<MqttOptions> mqtt,
    IOptions<ReadingConsumerOptions> options,
    IServiceScopeFactory scopes,
    TimeProvider clock,
    ILogger<ReadingConsumer> logger) : BackgroundService
{
    private readonly TaskCompletionSource _subscribed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the node has first joined the shared subscription.</summary>
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

    private sealed record Received(MqttApplicationMessageReceivedEventArgs Message, AcceptReadings.Delivery? Delivery);

    /// <summary>Connects, subscribes and takes batches of what has arrived until the connection drops, a batch fails or the node stops.</summary>
    private async Task ConsumeAsync(CancellationToken stoppingToken)
    {
        var settings = mqtt.Value;
        var consumer = options.Value;
        var received = Channel.CreateUnbounded<Received>(new UnboundedChannelOptions { SingleReader = true });
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
        try
        {
            await client.SubscribeAsync(
                new MqttClientSubscribeOptionsBuilder()
                    .WithTopicFilter(MonitoringReadingTopics.SharedSubscriptionOf(consumer.Group), MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(),
                stoppingToken);
            LogConsuming(consumer.ClientIdOrDefault, consumer.Group);
            _subscribed.TrySetResult();

            while (await received.Reader.WaitToReadAsync(stoppingToken))
            {
                var batch = new List<Received>(consumer.MaxMessagesPerBatch);
                while (batch.Count < consumer.MaxMessagesPerBatch && received.Reader.TryRead(out var message))
                {
                    batch.Add(message);
                }

                await using (var scope = scopes.CreateAsyncScope())
                {
                    scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
                    await scope.ServiceProvider.GetRequiredService<AcceptReadings.Handler>()
                        .HandleAsync([.. batch.Select(m => m.Delivery).OfType<AcceptReadings.Delivery>()], stoppingToken);
                }

                foreach (var message in batch)
                {
                    await message.Message.AcknowledgeAsync(stoppingToken);
                }
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

    private AcceptReadings.Delivery? Parse(MqttApplicationMessage message)
    {
        if (MonitoringReadingTopics.EnterpriseOf(message.Topic) is { } enterpriseId)
        {
            var payload = message.Payload;
            return new AcceptReadings.Delivery(enterpriseId, ReadingPayload.Parse(payload.IsSingleSegment ? payload.FirstSpan : payload.ToArray(), clock.GetUtcNow()));
        }

        LogForeignTopic(message.Topic);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming monitoring readings as {ClientId} in share group {Group}")]
    private partial void LogConsuming(string clientId, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on {Topic}, which is no readings topic, was acknowledged and dropped")]
    private partial void LogForeignTopic(string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consuming monitoring readings failed; reconnecting in {Delay} (unacknowledged messages are delivered again)")]
    private partial void LogConsumerFailed(Exception exception, TimeSpan delay);
}
