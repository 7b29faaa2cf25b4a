using System.Globalization;
using System.Text.RegularExpressions;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tests.Documentation;

namespace DualPrevention.Core.Tests.Localization;

/// <summary>
/// Each area owns its texts (docs/adding-a-module.md#5-texts): Core's messages in <c>&lt;area&gt;/Messages.resx</c>, the
/// UI's in <c>&lt;area&gt;/Text.resx</c>, each beside its <c>.zh-CN</c> twin. These tests read the sources, so a key a
/// page or a handler uses that is in neither language, or only in one, fails here instead of showing as its own name.
/// </summary>
public partial class AreaTextTests
{
    private static readonly IReadOnlyList<AreaTextFile> CoreFiles = AreaTextFile.Of("DualPrevention.Core", AreaTextFile.CoreName);

    private static readonly IReadOnlyList<AreaTextFile> WebFiles = AreaTextFile.Of("DualPrevention.Web", AreaTextFile.WebName);

    private static readonly HashSet<string> CoreKeys = CoreFiles.SelectMany(f => f.English.Keys).ToHashSet(StringComparer.Ordinal);

    private static readonly HashSet<string> WebKeys = WebFiles.SelectMany(f => f.English.Keys).ToHashSet(StringComparer.Ordinal);

    /// <summary>Types a key's first segment may name, whose members are then each shown by name.</summary>
    private static readonly Dictionary<string, Type> Enums = typeof(CoreText).Assembly.GetTypes()
        .Where(t => t.IsEnum && (t.IsPublic || t.IsNestedPublic))
        .Append(typeof(DayOfWeek))
        .GroupBy(t => t.Name)
        .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    [Fact]
    public void Every_resource_file_is_an_areas_messages_or_text_beside_its_Chinese_twin()
    {
        var areaFiles = CoreFiles.Concat(WebFiles).SelectMany(f => new[] { f.Path, f.Path[..^".resx".Length] + ".zh-CN.resx" }).ToHashSet();

        AreaTextFile.AllResourceFiles().Where(f => !areaFiles.Contains(f)).ShouldBeEmpty("the localizers read only <area>/Messages.resx (Core) and <area>/Text.resx (Web)");
        areaFiles.Where(f => !File.Exists(RepositoryTree.Full(f))).ShouldBeEmpty();
        CoreFiles.Count.ShouldBeGreaterThan(10);
        WebFiles.Count.ShouldBeGreaterThan(10);
    }

    [Fact]
    public void Every_key_has_its_text_in_English_and_in_Chinese()
    {
        var gaps = CoreFiles.Concat(WebFiles)
            .SelectMany(f => f.English.Keys.Except(f.Chinese.Keys).Select(k => $"{f.Path}: {k} has no Chinese text")
                .Concat(f.Chinese.Keys.Except(f.English.Keys).Select(k => $"{f.Path}: {k} has no English text"))
                .Concat(f.English.Concat(f.Chinese).Where(p => string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{f.Path}: {p.Key} is empty")))
            .ToList();

        gaps.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en-US")]
    public void Core_gives_every_areas_message_as_written(string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            CoreText.Messages.Files.Count.ShouldBe(CoreFiles.Count);
            CoreFiles.SelectMany(f => culture == "zh-CN" ? f.Chinese : f.English)
                .Where(message => CoreText.Find(message.Key) != message.Value)
                .Select(message => $"{message.Key}: {CoreText.Find(message.Key)}")
                .ShouldBeEmpty();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void A_key_belongs_to_one_area()
    {
        foreach (var files in new[] { CoreFiles, WebFiles })
        {
            files.SelectMany(f => f.English.Keys.Select(k => (Key: k, f.Path)))
                .GroupBy(p => p.Key)
                .Where(g => g.Count() > 1)
                .Select(g => $"{g.Key}: {string.Join(", ", g.Select(p => p.Path))}")
                .ShouldBeEmpty();
        }
    }

    [Fact]
    public void Every_key_the_UI_asks_for_by_name_is_in_an_area_text_file()
    {
        var missing = Uses("src/DualPrevention.Web/", LocalizerKey())
            .Where(use => !WebKeys.Contains(use.Key))
            .Select(use => $"{use.File}: {use.Key}");

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_message_Core_raises_by_name_is_in_an_area_messages_file()
    {
        var missing = Uses("src/", CoreTextKey())
            .Where(use => !CoreKeys.Contains(use.Key))
            .Select(use => $"{use.File}: {use.Key}");

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_string_shaped_like_a_key_of_a_known_prefix_is_a_key()
    {
        // Keys handed around before they are looked up (RiskLevelPalette.NameKey, a refusal's key) are caught here.
        var prefixes = CoreKeys.Concat(WebKeys).Select(k => k[..k.IndexOf('.', StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        var missing = Uses("src/", KeyShapedLiteral())
            .Where(use => prefixes.Contains(use.Key[..use.Key.IndexOf('.', StringComparison.Ordinal)])
                          && !CoreKeys.Contains(use.Key) && !WebKeys.Contains(use.Key) && !CoreKeys.Concat(WebKeys).Any(k => k.StartsWith(use.Key + ".", StringComparison.Ordinal)))
            .Select(use => $"{use.File}: {use.Key}");

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void Every_enum_shown_by_its_members_names_has_a_text_for_each_member()
    {
        var missing = new List<string>();
        foreach (var (file, prefix, keys) in BuiltKeyUses())
        {
            if (Enums.TryGetValue(prefix, out var type))
            {
                missing.AddRange(ShownMembers(type).Select(member => $"{prefix}.{member}").Where(key => !keys.Contains(key)).Select(key => $"{file}: {key}"));
            }
        }

        missing.Distinct().ShouldBeEmpty();
    }

    [Fact]
    public void Every_key_built_at_run_time_has_texts_under_its_prefix()
    {
        var missing = BuiltKeyUses()
            .Where(use => !Enums.ContainsKey(use.Prefix) && !use.Keys.Any(k => k.StartsWith(use.Prefix + ".", StringComparison.Ordinal)))
            .Select(use => $"{use.File}: {use.Prefix}.…");

        missing.ShouldBeEmpty();
    }

    /// <summary>Every member, but a flags enum's zero ("None"), which is shown as no flag rather than by name.</summary>
    private static IEnumerable<string> ShownMembers(Type type) =>
        type.IsDefined(typeof(FlagsAttribute), inherit: false)
            ? Enum.GetValues(type).Cast<Enum>().Where(v => Convert.ToInt64(v, CultureInfo.InvariantCulture) != 0).Select(v => v.ToString())
            : Enum.GetNames(type);

    /// <summary>Keys built from a prefix and a value (<c>L[$"HiddenDangerState.{state}"]</c>, <c>&lt;EnumSelect T="CycleInputUnit"&gt;</c>), with the key set they are looked up in.</summary>
    private static IEnumerable<(string File, string Prefix, HashSet<string> Keys)> BuiltKeyUses() =>
        Uses("src/DualPrevention.Web/", BuiltKey()).Concat(Uses("src/DualPrevention.Web/", EnumSelect()))
            .Select(use => (use.File, use.Key, WebKeys))
            .Concat(Uses("src/DualPrevention.Core/", BuiltCoreKey()).Select(use => (use.File, use.Key, CoreKeys)))
            .Concat(Uses("src/DualPrevention.Web/", BuiltCoreKey()).Select(use => (use.File, use.Key, CoreKeys)));

    private static IEnumerable<(string File, string Key)> Uses(string folder, Regex pattern) =>
        RepositoryTree.TextFiles()
            .Where(f => f.StartsWith(folder, StringComparison.Ordinal) && (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)))
            .Where(f => !f.Contains("/Data/Migrations/", StringComparison.Ordinal))
            .SelectMany(f => pattern.Matches(RepositoryTree.Read(f)).Select(m => (f, m.Groups["key"].Value)));

    /// <summary><c>L["Nav.Home"]</c>, <c>l["Cycle.Daily", n]</c>.</summary>
    [GeneratedRegex(@"\b[Ll]\[""(?<key>[^""]+)""")]
    private static partial Regex LocalizerKey();

    /// <summary><c>CoreText.Get("Risk.NotFound")</c>, <c>CoreText.Find("Field.Deadline")</c>.</summary>
    [GeneratedRegex(@"\bCoreText\.(Get|Find)\(""(?<key>[^""]+)""")]
    private static partial Regex CoreTextKey();

    /// <summary>A literal such as "FourColor.Unassessed" or "Import.Cell.Required": a capitalised word, a dot, more (not a cref).</summary>
    [GeneratedRegex(@"(?<!cref=)(?<![$@\w])""(?<key>[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)+)""")]
    private static partial Regex KeyShapedLiteral();

    /// <summary><c>$"HiddenDangerState.{state}"</c> anywhere in the UI (looked up through L or handed to it).</summary>
    [GeneratedRegex(@"\$""(?<key>[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)*)\.\{")]
    private static partial Regex BuiltKey();

    /// <summary><c>CoreText.Get($"HiddenDangerAction.{action}")</c>.</summary>
    [GeneratedRegex(@"\bCoreText\.(Get|Find)\(\$""(?<key>[A-Z][A-Za-z0-9]*(\.[A-Z][A-Za-z0-9]*)*)\.\{")]
    private static partial Regex BuiltCoreKey();

    /// <summary><c>&lt;EnumSelect T="CycleInputUnit"</c>: labelled by "CycleInputUnit.&lt;member&gt;".</summary>
    [GeneratedRegex(@"<EnumSelect T=""(?<key>[A-Za-z0-9]+)""")]
    private static partial Regex EnumSelect();
}
