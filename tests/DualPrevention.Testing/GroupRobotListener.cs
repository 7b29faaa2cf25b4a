using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Web;

namespace DualPrevention.Testing;

/// <summary>
/// A WeCom/DingTalk robot endpoint on a free local port that checks what the platforms check (ADR 0019): a request
/// carrying a <c>sign</c> is checked as DingTalk checks it, with <see cref="Secret"/>, and a mismatch answers
/// <c>{"errcode":310000,"errmsg":"sign not match"}</c> with HTTP 200; <see cref="FailuresBeforeSuccess"/> posts answer
/// 500 first.
/// </summary>
public sealed class GroupRobotListener : IDisposable
{
    /// <summary>The DingTalk secret the listener checks signatures with.</summary>
    public const string Secret = "SECthis is secret";

    private readonly HttpListener _listener = new();
    private int _posts;

    public GroupRobotListener()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Base = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Base.ToString());
        _listener.Start();
        _ = ServeAsync();
    }

    /// <summary>The listener's root, e.g. <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Base { get; }

    /// <summary>Posts answered with HTTP 500 before the listener answers as a robot.</summary>
    public int FailuresBeforeSuccess { get; set; }

    /// <summary>Every request received, in order.</summary>
    public List<Received> Requests { get; } = [];

    public Uri Url(string pathAndQuery) => new(Base, pathAndQuery);

    /// <summary>The requests received so far, copied under the lock.</summary>
    public IReadOnlyList<Received> Snapshot()
    {
        lock (Requests)
        {
            return [.. Requests];
        }
    }

    public void Dispose() => _listener.Close();

    private static bool SignatureMatches(string? timestamp, string? sign)
    {
        if (timestamp is null || sign is null)
        {
            return false;
        }

        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes($"{timestamp}\n{Secret}")));
        return sign == expected;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var query = HttpUtility.ParseQueryString(context.Request.Url!.Query);
            var signed = query["sign"] is not null;
            var valid = SignatureMatches(query["timestamp"], query["sign"]);
            lock (Requests)
            {
                Requests.Add(new Received(context.Request.Url.AbsolutePath, query, context.Request.ContentType ?? "", body, valid));
            }

            if (Interlocked.Increment(ref _posts) <= FailuresBeforeSuccess)
            {
                context.Response.StatusCode = 500;
                context.Response.Close();
                continue;
            }

            var answer = !signed || valid ? """{"errcode":0,"errmsg":"ok"}""" : """{"errcode":310000,"errmsg":"sign not match"}""";
            var bytes = Encoding.UTF8.GetBytes(answer);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    /// <summary>One request as received: its path, query, content type, body and whether its DingTalk signature is valid.</summary>
    public sealed record Received(string Path, System.Collections.Specialized.NameValueCollection Query, string ContentType, string Body, bool SignatureValid);
}
