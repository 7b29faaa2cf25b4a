using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace DualPrevention.Benchmarks;

/// <summary>
/// A loopback TCP relay in front of the app that counts every byte passing each way: what a phone's data plan pays,
/// HTTP headers and bodies as sent and the Blazor circuit's WebSocket frames after permessage-deflate — which the
/// browser's own accounting (DevTools) reports decompressed. The browser talks to <see cref="Url"/>; requests keep their
/// Host header, so the app builds its redirects to the relay.
/// </summary>
internal sealed class WireTap : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _accepting;
    private long _down;
    private long _up;
    private long _lastActivityTicks;

    private WireTap(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Url => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    /// <summary>Bytes from the app to the browser since the last <see cref="Reset"/>.</summary>
    public long Down => Interlocked.Read(ref _down);

    /// <summary>Bytes from the browser to the app since the last <see cref="Reset"/>.</summary>
    public long Up => Interlocked.Read(ref _up);

    public static WireTap Start(string appUrl) => new(new Uri(appUrl));

    public void Reset()
    {
        Interlocked.Exchange(ref _down, 0);
        Interlocked.Exchange(ref _up, 0);
    }

    /// <summary>Waits until no byte has passed either way for <paramref name="quiet"/>, at most <paramref name="limit"/>.</summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan limit)
    {
        var start = _clock.Elapsed;
        while (_clock.Elapsed - start < limit && _clock.Elapsed - TimeSpan.FromTicks(Interlocked.Read(ref _lastActivityTicks)) < quiet)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped while waiting for the next connection.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var browser = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = RelayAsync(browser);
        }
    }

    private async Task RelayAsync(TcpClient browser)
    {
        using (browser)
        using (var app = new TcpClient())
        {
            try
            {
                await app.ConnectAsync(_target, _stop.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException)
            {
                return;
            }

            var up = PumpAsync(browser.GetStream(), app.GetStream(), bytes => Interlocked.Add(ref _up, bytes));
            var down = PumpAsync(app.GetStream(), browser.GetStream(), bytes => Interlocked.Add(ref _down, bytes));
            // Either side closing ends the connection: the browser dropping a pooled one, or the app closing after a response.
            await Task.WhenAny(up, down);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Action<int> count)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
            {
                count(read);
                Interlocked.Exchange(ref _lastActivityTicks, _clock.Elapsed.Ticks);
                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The other side went away: the connection is over.
        }
    }
}
