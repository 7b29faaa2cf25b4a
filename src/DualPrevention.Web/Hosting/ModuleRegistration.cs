using DualPrevention.Core;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.Enterprises;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Reports.Compliance;
using DualPrevention.Core.VideoAlarms;
using DualPrevention.Web.Alarms;
using DualPrevention.Web.Notifications;
using FluentValidation;

namespace DualPrevention.Web.Hosting;

/// <summary>What the areas need to run: the clock, every use case's handler and validator, their settings and channels.</summary>
internal static class ModuleRegistration
{
    public static WebApplicationBuilder AddModules(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddDualPreventionUseCases();
        services.AddValidatorsFromAssemblyContaining<EnterpriseDetailsValidator>(includeInternalTypes: true);
        FieldNames.Install();
        services.Configure<OperatingEffectRules>(builder.Configuration.GetSection("OperatingEffect"));
        services.Configure<AlarmRules>(builder.Configuration.GetSection(AlarmRules.Section));
        services.AddOptions<VideoEvidenceOptions>().Bind(builder.Configuration.GetSection(VideoEvidenceOptions.Section))
            .Validate(o => o.Problems().Count == 0, "VideoAlarms:Evidence is out of range: GasStationDays and PlantDays 1…3650.")
            .ValidateOnStart();
        services.AddNotificationChannels(builder.Configuration);
        services.AddPublicSite(builder.Configuration);

        // Other nodes' alarm changes reach this node's duty pages at once (ADR 0043): one connection listens, one sends.
        var feedConnection = builder.Configuration.AppConnectionString(2, "dualprevention-alarm-feed");
        services.AddHostedService(provider => new AlarmFeedBackplane(
            provider.GetRequiredService<AlarmFeed>(), feedConnection, provider.GetRequiredService<ILogger<AlarmFeedBackplane>>()));
        return builder;
    }
}
