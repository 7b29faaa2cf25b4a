using System.Globalization;
using Serilog;
using Serilog.Formatting.Compact;

namespace DualPrevention.Web.Hosting;

/// <summary>Serilog: console and rolling JSON files (<c>Logging:FilePath</c>, 30 days), enriched from the log context.</summary>
internal static class LoggingRegistration
{
    public static WebApplicationBuilder AddSerilogLogging(this WebApplicationBuilder builder)
    {
        builder.Host.UseSerilog((context, logger) => logger
            .ReadFrom.Configuration(context.Configuration)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Application", "DualPrevention")
            .WriteTo.Console(formatProvider: CultureInfo.InvariantCulture)
            .WriteTo.File(
                new CompactJsonFormatter(),
                context.Configuration["Logging:FilePath"] ?? "logs/dualprevention-.json",
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 30),
            preserveStaticLogger: true);
        return builder;
    }
}
