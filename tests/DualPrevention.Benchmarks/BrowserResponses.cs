using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Playwright;

namespace DualPrevention.Benchmarks;

/// <summary>
/// What Chromium itself records of a page's traffic (DevTools protocol): each HTTP response with its encoding, its
/// Cache-Control and its <c>encodedDataLength</c> (status line, headers and body as received; 0 when served from the
/// browser's cache), and whether the Blazor circuit has sent a frame yet. The byte totals come from <see cref="WireTap"/>.
/// </summary>
internal sealed class BrowserResponses
{
    private readonly ConcurrentDictionary<string, BrowserResponse> _responses = new();
    private readonly ConcurrentDictionary<string, long> _finished = new();
    private readonly ConcurrentDictionary<string, bool> _fromCache = new();
    private int _circuitFrames;

    private BrowserResponses()
    {
    }

    /// <summary>The responses finished since the last <see cref="Reset"/>, in no particular order.</summary>
    public IReadOnlyList<BrowserResponse> Finished =>
        [.. _finished.Where(f => _responses.ContainsKey(f.Key)).Select(f => _responses[f.Key] with { Bytes = f.Value, FromCache = _fromCache.ContainsKey(f.Key) })];

    public static async Task<BrowserResponses> AttachAsync(IPage page)
    {
        var responses = new BrowserResponses();
        var session = await page.Context.NewCDPSessionAsync(page);
        session.Event("Network.responseReceived").OnEvent += (_, e) => responses.OnResponse(e!.Value);
        session.Event("Network.loadingFinished").OnEvent += (_, e) =>
            responses._finished[e!.Value.GetProperty("requestId").GetString()!] = (long)e.Value.GetProperty("encodedDataLength").GetDouble();
        session.Event("Network.requestServedFromCache").OnEvent += (_, e) => responses._fromCache[e!.Value.GetProperty("requestId").GetString()!] = true;
        session.Event("Network.webSocketFrameReceived").OnEvent += (_, _) => Interlocked.Increment(ref responses._circuitFrames);
        await session.SendAsync("Network.enable");
        return responses;
    }

    public void Reset()
    {
        _responses.Clear();
        _finished.Clear();
        _fromCache.Clear();
        Interlocked.Exchange(ref _circuitFrames, 0);
    }

    /// <summary>Waits, at most <paramref name="limit"/>, for the page's Blazor circuit to send its first frame.</summary>
    public async Task WaitForCircuitAsync(TimeSpan limit)
    {
        var waited = TimeSpan.Zero;
        while (Volatile.Read(ref _circuitFrames) == 0)
        {
            if (waited >= limit)
            {
                throw new TimeoutException($"The page opened no Blazor circuit within {limit.TotalSeconds} s.");
            }

            await Task.Delay(100);
            waited += TimeSpan.FromMilliseconds(100);
        }
    }

    private void OnResponse(JsonElement e)
    {
        var response = e.GetProperty("response");
        var headers = response.GetProperty("headers").EnumerateObject().ToList();
        string Header(string name) => headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } value ? value.GetString()! : "";
        var requestId = e.GetProperty("requestId").GetString()!;
        if (response.TryGetProperty("fromDiskCache", out var disk) && disk.GetBoolean())
        {
            _fromCache[requestId] = true;
        }

        _responses[requestId] = new BrowserResponse(
            new Uri(response.GetProperty("url").GetString()!).PathAndQuery, response.GetProperty("status").GetInt32(), Header("Content-Encoding"), Header("Cache-Control"), 0, false);
    }
}

/// <summary>One HTTP response as Chromium received it: <see cref="Bytes"/> on the wire, 0 when it came from the cache.</summary>
internal sealed record BrowserResponse(string Path, int Status, string ContentEncoding, string CacheControl, long Bytes, bool FromCache);
