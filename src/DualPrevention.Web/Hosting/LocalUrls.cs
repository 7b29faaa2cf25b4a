namespace DualPrevention.Web.Hosting;

/// <summary>Return URLs the app will redirect to: same-site absolute paths of printable ASCII only.</summary>
internal static class LocalUrls
{
    /// <summary>
    /// True for "/path?query" made of visible ASCII, not "//host" or "/\host". Anything else (control characters,
    /// spaces, non-ASCII that would break the Location header) is refused rather than encoded.
    /// </summary>
    public static bool IsSafe(string? url) =>
        url is { Length: > 0 and <= 2048 } && url[0] == '/'
        && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
        && url.All(c => c is > ' ' and <= '~');

    /// <summary><paramref name="url"/> when safe, else "/".</summary>
    public static string OrHome(string? url) => IsSafe(url) ? url! : "/";
}
