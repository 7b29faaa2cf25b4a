using System.Globalization;
using DualPrevention.Core.Localization;
using Microsoft.Extensions.Localization;

namespace DualPrevention.Web.Hosting;

/// <summary>
/// The UI's one localizer (<c>@inject IStringLocalizer L</c> in <c>_Imports.razor</c>): each key is looked up in the
/// <c>Text.resx</c> (English) or <c>Text.zh-CN.resx</c> of the area folder that holds it, in the current UI culture;
/// a missing key shows as itself, and a test keeps every key used present in both languages.
/// </summary>
internal sealed class AreaTextLocalizer : IStringLocalizer
{
    /// <summary>Every area's UI text in this assembly.</summary>
    public static AreaTexts Texts { get; } = new(typeof(AreaTextLocalizer).Assembly, "Text");

    public LocalizedString this[string name] =>
        Texts.Find(name, CultureInfo.CurrentUICulture) is { } value
            ? new LocalizedString(name, value)
            : new LocalizedString(name, name, resourceNotFound: true);

    public LocalizedString this[string name, params object[] arguments] =>
        this[name] is { ResourceNotFound: false } found
            ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, found.Value, arguments))
            : new LocalizedString(name, name, resourceNotFound: true);

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => Texts.Keys.Select(key => this[key]);
}
