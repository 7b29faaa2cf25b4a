using System.Globalization;
using System.Resources;

namespace DualPrevention.Core.Localization;

/// <summary>
/// User-facing messages raised by Core (validation, domain rules), from <c>CoreMessages.resx</c> (English) and
/// <c>CoreMessages.zh-CN.resx</c>, in the current UI culture.
/// </summary>
public static class CoreText
{
    private static readonly ResourceManager Resources =
        new("DualPrevention.Core.Localization.CoreMessages", typeof(CoreText).Assembly);

    /// <summary>The text for <paramref name="key"/> in the current UI culture, or null when there is none.</summary>
    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);

    /// <summary>The message for <paramref name="key"/>, formatted with <paramref name="args"/>.</summary>
    /// <exception cref="InvalidOperationException">The key is missing from the neutral resources.</exception>
    public static string Get(string key, params object?[] args)
    {
        var template = Resources.GetString(key, CultureInfo.CurrentUICulture)
            ?? throw new InvalidOperationException($"Message '{key}' is missing from CoreMessages.resx.");
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }
}
