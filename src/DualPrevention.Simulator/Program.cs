using System.Runtime.InteropServices;
using DualPrevention.Simulator;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(SimulatorOptions.Usage);
    return 0;
}

SimulatorOptions options;
try
{
    options = SimulatorOptions.Parse(args);
}
catch (ArgumentException problem)
{
    Console.Error.WriteLine(problem.Message);
    Console.Error.WriteLine(SimulatorOptions.Usage);
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
// SIGTERM (run.sh stopping) ends the run as Ctrl-C does, so the credential is revoked before the process exits.
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

using var http = new HttpClient { BaseAddress = options.Url };
var api = new PlatformApi(http);
Simulation? simulation = null;
try
{
    simulation = await SetUpAsync();
    await using var publisher = await DevicePublisher.ConnectAsync(options.MqttHost, options.MqttPort, simulation.Credential, stop.Token);
    Console.WriteLine($"Publishing a fix per tag every {options.IntervalSeconds} s to {options.MqttHost}:{options.MqttPort}; Ctrl-C stops.");
    var published = await simulation.RunAsync(publisher, TimeProvider.System, stop.Token);
    Console.WriteLine($"fixes_published={published}");
    return 0;
}
catch (OperationCanceledException)
{
    Console.WriteLine("Stopped.");
    return 0;
}
catch (Exception problem) when (problem is SimulatorException or HttpRequestException)
{
    Console.Error.WriteLine(problem.Message);
    return 1;
}
finally
{
    if (simulation is not null)
    {
        using var revoking = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await api.RevokeCredentialAsync(simulation.Credential.Id, revoking.Token);
            Console.WriteLine($"Revoked the device credential {simulation.Credential.Username}.");
        }
        catch (Exception problem) when (problem is SimulatorException or HttpRequestException or OperationCanceledException)
        {
            Console.Error.WriteLine($"Could not revoke the device credential {simulation.Credential.Username}: {problem.Message}");
        }
    }
}

// Retries while the platform starts (or seeds its demo) for at most --wait seconds.
async Task<Simulation> SetUpAsync()
{
    var clock = TimeProvider.System;
    var giveUpAt = clock.GetUtcNow().AddSeconds(options.WaitSeconds);
    while (true)
    {
        try
        {
            return await Simulation.SetUpAsync(api, options, clock, Console.Out, stop.Token);
        }
        catch (Exception problem) when (problem is SimulatorException or HttpRequestException && clock.GetUtcNow() < giveUpAt)
        {
            Console.WriteLine($"Waiting for the platform: {problem.Message}");
            await Task.Delay(TimeSpan.FromSeconds(5), stop.Token);
        }
    }
}
