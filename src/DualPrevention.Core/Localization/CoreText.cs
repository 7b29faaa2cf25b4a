using System.Globalization;

namespace DualPrevention.Core.Localization;

/// <summary>
/// User-facing messages raised by Core (validation, domain rules), in the current UI culture, from the
/// <c>Messages.resx</c> (English) and <c>Messages.zh-CN.resx</c> of the area that holds the key
/// (<c>HiddenDangers/Messages.resx</c>); field labels and request messages every area shares are in this folder's.
/// </summary>
public static class CoreText
{
    /// <summary>Every area's messages in Core.</summary>
    public static AreaTexts Messages { get; } = new(typeof(CoreText).Assembly, "Messages");

    /// <summary>The text for <paramref name="key"/> in the current UI culture, or null when there is none.</summary>
    public static string? Find(string key) => Messages.Find(key, CultureInfo.CurrentUICulture);

    /// <summary>The message for <paramref name="key"/>, formatted with <paramref name="args"/>.</summary>
    /// <exception cref="InvalidOperationException">No area's Messages.resx holds the key.</exception>
    public static string Get(string key, params object?[] args)
    {
        var template = Find(key) ?? throw new InvalidOperationException($"Message '{key}' is in no area's Messages.resx.");
        return args.Length == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args);
    }
}
