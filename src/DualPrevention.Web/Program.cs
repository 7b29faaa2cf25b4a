using System.Globalization;
using DualPrevention.Web.Hosting;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddDualPreventionServices();
    var app = builder.Build();
    await app.PrepareDatabaseAsync();
    app.UseDualPreventionPipeline();
    await app.RunAsync();
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "DualPrevention stopped on an unhandled exception");
    throw;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
