using DualPrevention.Core.Notifications;
using DualPrevention.Core.Notifications.GroupRobots;

namespace DualPrevention.Web.Notifications;

/// <summary>
/// Registers the outbound channels named in <c>Notifications:Channels</c> (default: "log"); "webhook" needs
/// <c>Notifications:Webhook:Url</c> and waits at most <c>Notifications:Webhook:TimeoutSeconds</c> (default 10).
/// SMS and e-mail have no channel yet. Group robots are configured by their owners in the app; section
/// <c>Notifications:GroupRobots</c> (<see cref="GroupRobotOptions"/>) only says where the platforms live.
/// </summary>
internal static class NotificationChannelRegistration
{
    public static IServiceCollection AddNotificationChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GroupRobotOptions>(configuration.GetSection(GroupRobotOptions.Section));
        var names = configuration.GetSection("Notifications:Channels").Get<string[]>() is { Length: > 0 } configured
            ? configured
            : [LoggingNotificationChannel.ChannelName];
        foreach (var name in names.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            switch (name.ToLowerInvariant())
            {
                case LoggingNotificationChannel.ChannelName:
                    services.AddSingleton<INotificationChannel, LoggingNotificationChannel>();
                    break;
                case WebhookNotificationChannel.ChannelName:
                    AddWebhook(services, configuration);
                    break;
                default:
                    throw new InvalidOperationException($"Notifications:Channels names '{name}', which has no implementation (log, webhook).");
            }
        }

        return services;
    }

    private static void AddWebhook(IServiceCollection services, IConfiguration configuration)
    {
        if (!Uri.TryCreate(configuration["Notifications:Webhook:Url"], UriKind.Absolute, out var url))
        {
            throw new InvalidOperationException("The webhook channel needs an absolute Notifications:Webhook:Url.");
        }

        var timeout = TimeSpan.FromSeconds(configuration.GetValue("Notifications:Webhook:TimeoutSeconds", 10));
        services.AddHttpClient(WebhookNotificationChannel.ChannelName, client => client.Timeout = timeout);
        services.AddSingleton<INotificationChannel>(provider =>
            new WebhookNotificationChannel(provider.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookNotificationChannel.ChannelName), url));
    }
}
