using System.Globalization;
using DualPrevention.Web.Hosting;
using Serilog;

// A plain console logger for start-up failures; the host builds its own (several hosts share one test process).
Log.Logger = new LoggerConfiguration().WriteTo.Console(formatProvider: CultureInfo.InvariantCulture).CreateLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddSerilogLogging();
    builder.AddDatabase();
    builder.AddModules();
    builder.AddFileStores();
    builder.AddMqttBroker();
    builder.AddIdentityAndSignIn();
    builder.AddSignInThrottling();
    builder.AddTrustedProxies();
    builder.AddUiLocalization();
    builder.AddUserInterface();
    builder.AddApi();
    builder.AddReadinessChecks();
    builder.AddJobs();

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
