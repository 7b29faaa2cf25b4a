namespace DualPrevention.Core;

/// <summary>
/// Where people reach the platform from outside (configuration <c>PublicBaseUrl</c>, e.g. <c>https://aqsc.example.gov.cn/</c>):
/// the address printed in QR codes and sent in outbound messages, which must open on a phone on site whatever host the
/// page that printed them was served from. Unset, links fall back to the request's own address (fine on one machine,
/// wrong for anything printed or sent; Production warns at start-up).
/// </summary>
public sealed class PublicSite
{
    /// <param name="baseUrl">Absolute http(s) URL, or null when not configured; a missing trailing slash is added.</param>
    /// <exception cref="ArgumentException">Not an absolute http or https URL.</exception>
    public PublicSite(Uri? baseUrl)
    {
        if (baseUrl is not null && (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && baseUrl.Scheme != Uri.UriSchemeHttp)))
        {
            throw new ArgumentException($"PublicBaseUrl must be an absolute http(s) URL, not '{baseUrl}'.", nameof(baseUrl));
        }

        BaseUrl = baseUrl is null || baseUrl.AbsolutePath.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
    }

    /// <summary>The configured base URL, ending with a slash; null when not configured.</summary>
    public Uri? BaseUrl { get; }

    /// <summary>
    /// <paramref name="link"/> (relative to the site, e.g. "hidden-dangers/{id}") as an absolute URL under the public base
    /// URL, or under <paramref name="fallbackBase"/> (the request's own base) when none is configured.
    /// </summary>
    public string LinkTo(string link, string fallbackBase) =>
        new Uri(BaseUrl ?? new Uri(fallbackBase), link.TrimStart('/')).AbsoluteUri;

    /// <summary><paramref name="link"/> as an absolute URL under the public base URL; unchanged when none is configured.</summary>
    public string LinkTo(string link) =>
        BaseUrl is null ? link : new Uri(BaseUrl, link.TrimStart('/')).AbsoluteUri;
}
