using DualPrevention.Core.Reports.Exports;
using DualPrevention.Web.Jobs;
using Hangfire;
using Hangfire.PostgreSql;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// Hangfire on PostgreSQL (schema <c>hangfire</c>, made by the owner at migrate time: <see cref="HangfireSchema"/>), its server only on job nodes (<see cref="NodeOptions"/>, which
/// the pipeline reads too), and the background exports it runs. What is scheduled is <see cref="RecurringJobs"/>.
/// </summary>
internal static class HangfireRegistration
{
    public static WebApplicationBuilder AddJobs(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var nodeSection = builder.Configuration.GetSection(NodeOptions.Section);
        services.Configure<NodeOptions>(nodeSection);
        var connectionString = builder.Configuration.AppConnectionString(builder.Configuration.DatabasePool().HangfireMaxPoolSize, "dualprevention-hangfire");
        var timing = builder.Configuration.GetSection(JobTimingOptions.Section).Get<JobTimingOptions>() ?? new JobTimingOptions();
        services.AddHangfire(hangfire =>
        {
            hangfire
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UsePostgreSqlStorage(
                    options => options.UseNpgsqlConnection(connectionString),
                    new PostgreSqlStorageOptions
                    {
                        SchemaName = HangfireSchema.Name,
                        PrepareSchemaIfNecessary = false,
                        InvisibilityTimeout = timing.InvisibilityTimeout,
                        UseSlidingInvisibilityTimeout = true,
                    });
            if (timing.RetryDelaysSeconds.Count > 0)
            {
                GlobalJobFilters.Filters.Remove<AutomaticRetryAttribute>();
                hangfire.UseFilter(new AutomaticRetryAttribute { DelaysInSeconds = [.. timing.RetryDelaysSeconds] });
            }
        });
        if ((nodeSection.Get<NodeOptions>() ?? new NodeOptions()).Jobs)
        {
            services.AddHangfireServer(options =>
            {
                options.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                options.SchedulePollingInterval = timing.SchedulePollingInterval;
            });
        }

        services.AddSingleton<IReportExportScheduler, HangfireReportExportScheduler>();
        return builder;
    }
}
