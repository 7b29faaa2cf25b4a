using System.Net;
using System.Net.Sockets;

namespace DualPrevention.Testing;

/// <summary>A loopback TCP port nobody listens on now, for a server a test starts.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
