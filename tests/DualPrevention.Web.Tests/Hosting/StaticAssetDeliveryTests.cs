using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;

namespace DualPrevention.Web.Tests.Hosting;

/// <summary>
/// Static assets as a deployed app serves them (ADR 0013; the test host turns the build manifest's runtime patching
/// off, as a published app has it). A build compresses with gzip only; the publish adds Brotli, which the page-weight
/// benchmark checks on the wire.
/// </summary>
public partial class StaticAssetDeliveryTests(WebFixture web) : IClassFixture<WebFixture>
{
    [Fact]
    public async Task The_login_page_links_every_script_and_style_sheet_by_its_fingerprinted_url()
    {
        var links = AssetLinks(await web.Factory.CreateClient().GetStringAsync("/account/login"));

        links.ShouldContain(link => link.StartsWith("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && link.EndsWith(".css", StringComparison.Ordinal));
        links.ShouldContain(link => link.StartsWith("_content/MudBlazor/MudBlazor.min.", StringComparison.Ordinal) && link.EndsWith(".js", StringComparison.Ordinal));
        links.ShouldContain(link => link.StartsWith("_framework/blazor.web.", StringComparison.Ordinal));
        links.ShouldAllBe(link => Fingerprinted().IsMatch(link));
    }

    [Fact]
    public async Task MudBlazors_style_sheet_is_sent_compressed_and_cached_as_immutable()
    {
        var client = web.Factory.CreateClient();
        var url = AssetLinks(await client.GetStringAsync("/account/login")).Single(link => link.EndsWith(".css", StringComparison.Ordinal) && link.Contains("MudBlazor", StringComparison.Ordinal));

        var plain = await client.SendAsync(Get(url, "identity"));
        var compressed = await client.SendAsync(Get(url, "br, gzip"));

        compressed.StatusCode.ShouldBe(HttpStatusCode.OK);
        compressed.Content.Headers.ContentEncoding.Single().ShouldBeOneOf("br", "gzip");
        var raw = await plain.Content.ReadAsByteArrayAsync();
        var sent = await compressed.Content.ReadAsByteArrayAsync();
        sent.Length.ShouldBeLessThan(raw.Length / 5, "bytes on the wire, not a header's promise");
        Decompress(sent, compressed.Content.Headers.ContentEncoding.Single()).ShouldBe(raw);
        compressed.Headers.CacheControl!.ToString().ShouldBe("max-age=31536000, immutable");
    }

    [Fact]
    public async Task A_signed_in_page_leaves_its_assets_cacheable_and_still_guarded_by_the_security_headers()
    {
        var client = await web.CookieClientAsync("demo-qd1-inspector");
        var page = await client.GetAsync("/inspect");
        var url = AssetLinks(await page.Content.ReadAsStringAsync()).First(link => link.StartsWith("_framework/", StringComparison.Ordinal));

        var asset = await client.GetAsync(url);

        asset.StatusCode.ShouldBe(HttpStatusCode.OK);
        asset.Headers.Contains("Set-Cookie").ShouldBeFalse("renewing the sign-in cookie would mark the asset no-store");
        asset.Headers.CacheControl!.ToString().ShouldBe("max-age=31536000, immutable");
        asset.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    [Fact]
    public async Task Pages_are_sent_compressed()
    {
        var page = await web.Factory.CreateClient().SendAsync(Get("/account/login", "br, gzip"));

        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        page.Content.Headers.ContentEncoding.ShouldBe(["br"]);
        Decompress(await page.Content.ReadAsByteArrayAsync(), "br").Length.ShouldBeGreaterThan(0);
    }

    private static HttpRequestMessage Get(string url, string acceptEncoding)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return request;
    }

    private static byte[] Decompress(byte[] body, string encoding)
    {
        using var input = new MemoryStream(body);
        using Stream decoder = encoding == "br" ? new BrotliStream(input, CompressionMode.Decompress) : new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    /// <summary>The scripts and style sheets a page links (not inline data).</summary>
    private static List<string> AssetLinks(string html) =>
        [.. AssetLink().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("""<(?:link[^>]*\bhref|script[^>]*\bsrc)="([^":]+\.(?:css|js))"[^>]*>""")]
    private static partial Regex AssetLink();

    [GeneratedRegex(@"\.[a-z0-9]{10}\.(?:css|js)$")]
    private static partial Regex Fingerprinted();
}
