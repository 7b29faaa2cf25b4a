using System.Buffers;
using System.Threading.Channels;
using DualPrevention.Core.Tenancy;
using DualPrevention.Core.VideoAlarms;
using DualPrevention.Web.Positioning;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace DualPrevention.Web.VideoAlarms;

/// <summary>
/// Consumes video alarms on a job node (ADR 0046): a member of the MQTT v5 shared subscription of its own group, so each
/// message reaches one node; QoS 1 with a persistent session, each message acknowledged only after
/// <see cref="IntakeVideoAlarm"/> took it (raised, merged, repeated or refused and counted), so a node killed mid-stream
/// loses nothing: the broker delivers the unacknowledged message again, and a retried message is the same alarm. The
/// enterprise is read from the topic, which the broker lets a device publish into for its own enterprise only (ADR 0036).
/// </summary>
public sealed partial class VideoAlarmConsumer(
    IOptions<MqttOptions> mqtt,
    IOptions<VideoAlarmConsumerOptions> options,
    IServiceScopeFactory scopes,
    ILogger<VideoAlarmConsumer> logger) : BackgroundService
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

    /// <summary>Connects, subscribes and takes messages in, one at a time in arrival order, until the connection drops or the node stops.</summary>
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
                    .WithTopicFilter(VideoAlarmTopics.SharedSubscriptionOf(consumer.Group), MqttQualityOfServiceLevel.AtLeastOnce)
                    .Build(),
                stoppingToken);
            LogConsuming(consumer.ClientIdOrDefault, consumer.Group);
            _subscribed.TrySetResult();

            await TakeAllAsync(received.Reader, Math.Max(1, consumer.Concurrency), stoppingToken);
        }
        finally
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
        }
    }

    /// <summary>
    /// Takes up to <paramref name="concurrency"/> messages in at once (the snapshot's proof and the alarm's round trips
    /// overlap; two alarms of one camera and category still raise one after the other, under the alarm centre's lock) and
    /// acknowledges them in arrival order, each once it and every message before it were taken in, as MQTT asks. A message
    /// whose intake failed ends the connection with it and every later one unacknowledged: the broker delivers them again.
    /// </summary>
    private async Task TakeAllAsync(ChannelReader<MqttApplicationMessageReceivedEventArgs> reader, int concurrency, CancellationToken stoppingToken)
    {
        var inFlight = new Queue<(MqttApplicationMessageReceivedEventArgs Message, Task Taken)>();
        while (true)
        {
            while (inFlight.TryPeek(out var head) && head.Taken.IsCompleted)
            {
                inFlight.Dequeue();
                await head.Taken;
                await head.Message.AcknowledgeAsync(stoppingToken);
            }

            if (inFlight.Count < concurrency && reader.TryRead(out var message))
            {
                var application = message.ApplicationMessage;
                inFlight.Enqueue((message, Task.Run(() => TakeAsync(application, stoppingToken), stoppingToken)));
                continue;
            }

            if (inFlight.Count == 0)
            {
                if (!await reader.WaitToReadAsync(stoppingToken))
                {
                    return;
                }

                continue;
            }

            if (inFlight.Count >= concurrency)
            {
                await Task.WhenAny(inFlight.Peek().Taken);
                continue;
            }

            var more = reader.WaitToReadAsync(stoppingToken).AsTask();
            await Task.WhenAny(inFlight.Peek().Taken, more);
            if (more is { IsCompletedSuccessfully: true, Result: false })
            {
                // The connection dropped: what is still in flight cannot be acknowledged and comes again.
                return;
            }
        }
    }

    private async Task TakeAsync(MqttApplicationMessage message, CancellationToken cancellationToken)
    {
        if (VideoAlarmTopics.EnterpriseOf(message.Topic) is not { } enterpriseId)
        {
            LogForeignTopic(message.Topic);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        await scope.ServiceProvider.GetRequiredService<IntakeVideoAlarm.Handler>()
            .HandleAsync(new IntakeVideoAlarm.Command(enterpriseId, message.Payload.ToArray()), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Consuming video alarms as {ClientId} in share group {Group}")]
    private partial void LogConsuming(string clientId, string group);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A message on {Topic}, which is no video alarms topic, was acknowledged and dropped")]
    private partial void LogForeignTopic(string topic);

    [LoggerMessage(Level = LogLevel.Error, Message = "Consuming video alarms failed; reconnecting in {Delay} (the unacknowledged message is delivered again)")]
    private partial void LogConsumerFailed(Exception exception, TimeSpan delay);
}
