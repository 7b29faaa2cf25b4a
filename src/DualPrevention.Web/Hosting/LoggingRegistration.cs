using System.Globalization;
using Serilog;
using Serilog.Formatting.Compact;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// Serilog: console and rolling JSON files (<c>Logging:FilePath</c>, 30 days), enriched from the log context. Both sinks
/// write on a background worker: a request hands its event over instead of queueing for the sinks' locks (at a shift
/// change every request's completion line waited on them). A full buffer blocks the writer rather than dropping events.
/// </summary>
internal static class LoggingRegistration
{
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        builder.Host.UseSerilog((context, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "DualPrevention")
            .WriteTo.Async(
                sinks =>
                {
                    sinks.Console(formatProvider: CultureInfo.InvariantCulture);
                    sinks.File(
                        new CompactJsonFormatter(),
                        context.Configuration["Logging:FilePath"] ?? "logs/dualprevention-.json",
                        rollingInterval: RollingInterval.Day,
                        retainedFileCountLimit: 30);
                },
                blockWhenFull: true),
            preserveStaticLogger: true);
        return builder;
    }
}
