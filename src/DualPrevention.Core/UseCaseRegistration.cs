using System.Reflection;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Demo;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Notifications;
using DualPrevention.Core.Notifications.GroupRobots;
using DualPrevention.Core.Positioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core;

/// <summary>
/// Registers every use-case handler; pages, endpoints and jobs call them directly. A use case is a static class
/// nesting a class named <c>Handler</c> (ADR 0001), so a new one is registered by existing: no list to edit
/// (docs/adding-a-module.md). The scan of Core's types runs once per process.
/// </summary>
public static class UseCaseRegistration
{
    /// <summary>Every use case's handler in Core, ordered by full name.</summary>
    public static IReadOnlyList<Type> Handlers { get; } = FindHandlers(typeof(UseCaseRegistration).Assembly);

    public static IServiceCollection AddDualPreventionUseCases(this IServiceCollection services)
    {
        foreach (var handler in Handlers)
        {
            services.AddScoped(handler);
        }

        // The few services that are not a use case's handler.
        return services
            .AddSingleton<NotificationHub>()
            .AddSingleton<AlarmFeed>()
            .AddSingleton(new PublicSite(null))
            .AddScoped<HiddenDangerNotifications>()
            .AddSingleton<GroupRobotSecrets>()
            .AddSingleton(provider => new GroupRobotPoster(
                new HttpClient { Timeout = TimeSpan.FromSeconds(provider.GetRequiredService<IOptions<GroupRobotOptions>>().Value.TimeoutSeconds) },
                provider.GetRequiredService<TimeProvider>()))
            .AddOptions()
            .AddScoped<SeedDemoData>()
            .AddScoped<SeedDemoStory>()
            .AddSingleton<LatestPositions>()
            .AddSingleton<TrackReferences>()
            .AddSingleton<ZoneChanges>()
            .AddSingleton<VerifiedDeviceSecrets>()
            .AddSingleton<IAcceptedFixes, FenceRules>();
    }

    private static Type[] FindHandlers(Assembly assembly) =>
        assembly.GetTypes()
            .Where(type => type is { Name: "Handler", IsClass: true, IsAbstract: false, DeclaringType: { IsAbstract: true, IsSealed: true } })
            .OrderBy(type => type.FullName, StringComparer.Ordinal)
            .ToArray();
}
