using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Web.Positioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace DualPrevention.Testing;

/// <summary>
/// A job node's fix consumer (ADR 0038) on a test database and the test broker, in a share group of the test's own, with
/// the track's partitions made first; stopped (like a killed node: nothing more is acknowledged) when disposed.
/// </summary>
public sealed class RunningFixConsumer : IAsyncDisposable
{
    private readonly FixConsumer _consumer;
    private readonly ServiceProvider _services;

    private RunningFixConsumer(FixConsumer consumer, ServiceProvider services)
    {
        _consumer = consumer;
        _services = services;
    }

    /// <param name="acceptedFixes">Replaces the fence rules behind <see cref="IAcceptedFixes"/> (e.g. a recorder); null keeps the registered ones.</param>
    public static async Task<RunningFixConsumer> StartAsync(
        TestDatabase database, string group, string? clientId = null, IAcceptedFixes? acceptedFixes = null, int maxMessagesPerBatch = 200)
    {
        var services = database.CreateServices(s =>
        {
            if (acceptedFixes is not null)
            {
                s.AddSingleton(acceptedFixes);
            }
        });
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            await scope.ServiceProvider.GetRequiredService<MaintainTrackPartitions.Handler>().HandleAsync(CancellationToken.None);
        }

        var consumer = new FixConsumer(
            Options.Create(MqttBroker.Options()),
            Options.Create(new FixConsumerOptions
            {
                ClientId = clientId ?? $"node-{Guid.NewGuid():N}",
                Group = group,
                MaxMessagesPerBatch = maxMessagesPerBatch,
            }),
            services.GetRequiredService<IServiceScopeFactory>(),
            database.Clock,
            NullLogger<FixConsumer>.Instance);
        await consumer.StartAsync(CancellationToken.None);
        await consumer.Subscribed.WaitAsync(TimeSpan.FromSeconds(30));
        return new RunningFixConsumer(consumer, services);
    }

    public async ValueTask DisposeAsync()
    {
        await _consumer.StopAsync(CancellationToken.None);
        _consumer.Dispose();
        await _services.DisposeAsync();
    }
}
