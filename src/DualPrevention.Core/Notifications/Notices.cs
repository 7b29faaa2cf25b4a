using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Notifications;

/// <summary>
/// Every kind of notification (<see cref="INotice"/>) of Core, by its key: how a notice is stored (key and JSON
/// arguments) and rendered again in a reader's language. Arguments are JSON with camel-case names, enums as numbers and
/// dates as <c>yyyy-MM-dd</c>, which is also what set-based statements write with <c>jsonb_build_object</c>; a missing
/// argument is an error, never a silent default.
/// </summary>
public static class Notices
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    private static readonly FrozenDictionary<string, Type> Kinds = typeof(INotice).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(INotice).IsAssignableFrom(t))
        .ToFrozenDictionary(KeyOf, StringComparer.Ordinal);

    /// <summary>Every kind's key.</summary>
    public static IEnumerable<string> Keys => Kinds.Keys;

    /// <summary>The key and JSON arguments to store for <paramref name="notice"/>.</summary>
    public static (string Key, string Arguments) Store<TNotice>(TNotice notice)
        where TNotice : INotice =>
        (TNotice.Key, JsonSerializer.Serialize(notice, Json));

    /// <summary>The notice stored as <paramref name="key"/> with <paramref name="arguments"/>, rendered in <paramref name="culture"/>.</summary>
    /// <exception cref="InvalidOperationException">No kind has the key, or the arguments do not fit it.</exception>
    public static NoticeText Render(string key, string arguments, CultureInfo culture)
    {
        var kind = Kinds.GetValueOrDefault(key) ?? throw new InvalidOperationException($"No notice kind has the key '{key}'.");
        var notice = (INotice?)JsonSerializer.Deserialize(arguments, kind, Json)
            ?? throw new InvalidOperationException($"The arguments of a '{key}' notice are null.");
        return notice.Render(culture);
    }

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/>, formatted with <paramref name="args"/>.</summary>
    /// <exception cref="InvalidOperationException">No area's Messages.resx holds the key.</exception>
    public static string Text(CultureInfo culture, string key, params object?[] args)
    {
        var template = CoreText.Messages.Find(key, culture) ?? throw new InvalidOperationException($"Notice text '{key}' is in no area's Messages.resx.");
        return args.Length == 0 ? template : string.Format(culture, template, args);
    }

    /// <summary>A date as notices show it, or the words for "not set".</summary>
    public static string Date(CultureInfo culture, DateOnly? date) =>
        date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? Text(culture, "Notice.DateNotSet");

    private static string KeyOf(Type kind) =>
        (string)kind.GetProperty(nameof(INotice.Key), BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
}
