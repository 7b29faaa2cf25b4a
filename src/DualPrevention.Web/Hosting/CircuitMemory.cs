using Microsoft.AspNetCore.Components.Server;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// What an open circuit keeps in the node's memory besides its components (configuration section <c>Circuits</c>,
/// ADR 0020): the <c>CircuitOptions</c> bound from the section, and whether the circuit's compressed WebSocket keeps its
/// deflate state between messages (<c>Circuits:CompressionContextTakeover</c>). Kept, the state (about 300 KB of native
/// zlib memory per circuit) lets each render batch refer to the previous ones; dropped, every message is compressed on
/// its own and the state lives only while a message is written.
/// </summary>
internal static class CircuitMemory
{
    public const string Section = "Circuits";

    public static void ConfigureWebSocket(ServerComponentsEndpointOptions options, IConfiguration configuration)
    {
        var contextTakeover = configuration.GetValue($"{Section}:CompressionContextTakeover", defaultValue: true);
        options.ConfigureWebSocketAcceptContext = (_, accept) =>
        {
            accept.DangerousEnableCompression = true;
            accept.DisableServerContextTakeover = !contextTakeover;
            return Task.CompletedTask;
        };
    }
}
