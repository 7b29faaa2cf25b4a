using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;

namespace DualPrevention.Core.Localization;

/// <summary>
/// The texts of one assembly, kept by area: every resource file of a given name (<c>Messages.resx</c> in Core,
/// <c>Text.resx</c> in Web), in whichever folder it sits, with its <c>.zh-CN</c> sibling. A key is looked up in the
/// one file that holds it, so an area adds its texts in its own folder and no shared file (docs/adding-a-module.md).
/// </summary>
public sealed class AreaTexts
{
    private readonly Dictionary<string, ResourceManager> _owners;

    /// <param name="fileName">The resource files' name without extension, e.g. "Messages" for <c>HiddenDangers/Messages.resx</c>.</param>
    /// <exception cref="InvalidOperationException">Two files hold the same key.</exception>
    public AreaTexts(Assembly assembly, string fileName)
    {
        var suffix = "." + fileName + ".resources";
        Files = assembly.GetManifestResourceNames()
            .Where(name => name.EndsWith(suffix, StringComparison.Ordinal))
            .Select(name => name[..^".resources".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();
        _owners = new Dictionary<string, ResourceManager>(StringComparer.Ordinal);
        var fileOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var resources = new ResourceManager(file, assembly);
            foreach (var key in KeysOf(resources))
            {
                if (!fileOf.TryAdd(key, file))
                {
                    throw new InvalidOperationException($"The text key '{key}' is in both {fileOf[key]} and {file}; a key belongs to one area.");
                }

                _owners[key] = resources;
            }
        }

        KeysByFile = fileOf.GroupBy(pair => pair.Value, pair => pair.Key)
            .ToDictionary(group => group.Key, group => (IReadOnlyCollection<string>)group.Order(StringComparer.Ordinal).ToArray());
    }

    /// <summary>Every area file's resource base name, such as <c>DualPrevention.Core.HiddenDangers.Messages</c>.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The keys each file holds in its neutral (English) resources.</summary>
    public IReadOnlyDictionary<string, IReadOnlyCollection<string>> KeysByFile { get; }

    /// <summary>Every key, in any file.</summary>
    public IEnumerable<string> Keys => _owners.Keys;

    /// <summary>The text of <paramref name="key"/> in <paramref name="culture"/> (English when that culture lacks it), or null when no file has the key.</summary>
    public string? Find(string key, CultureInfo culture) =>
        _owners.TryGetValue(key, out var resources) ? resources.GetString(key, culture) : null;

    private static IEnumerable<string> KeysOf(ResourceManager resources) =>
        resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)?
            .Cast<DictionaryEntry>().Select(entry => (string)entry.Key) ?? [];
}
