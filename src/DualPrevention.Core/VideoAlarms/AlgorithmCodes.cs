using System.Collections.Frozen;

namespace DualPrevention.Core.VideoAlarms;

/// <summary>
/// The code sets an alarm's algorithm code is read in, mapped onto <see cref="VideoAlarmCategory"/> (ADR 0046,
/// docs/video-intake.md#algorithm-codes): <see cref="Platform"/>, the category names themselves; <see cref="Chinese"/>,
/// the algorithm names in Chinese that generic AI boxes send; and the vendors' event codes (<see cref="Hikvision"/> ISAPI
/// <c>eventType</c>, <see cref="Dahua"/> event <c>Code</c>). The table is data (<c>algorithm-codes.csv</c>), so a new
/// vendor is a set of rows, not code. Codes compare ignoring case.
/// </summary>
public static class AlgorithmCodes
{
    public const string Platform = "platform";
    public const string Chinese = "zh";
    public const string Hikvision = "hikvision";
    public const string Dahua = "dahua";

    private static readonly FrozenDictionary<string, FrozenDictionary<string, VideoAlarmCategory>> Sets = Load();

    /// <summary>Every code set's name.</summary>
    public static IReadOnlyCollection<string> CodeSets => Sets.Keys;

    /// <summary>The codes of <paramref name="codeSet"/> with their categories.</summary>
    public static IReadOnlyDictionary<string, VideoAlarmCategory> Of(string codeSet) => Sets[codeSet];

    public static bool IsCodeSet(string codeSet) => Sets.ContainsKey(codeSet);

    /// <summary>
    /// The category of <paramref name="code"/>: in <paramref name="codeSet"/> when one is named, else in the platform's
    /// codes and then the Chinese names (a box that names no vendor sends one of these).
    /// </summary>
    public static bool TryMap(string? codeSet, string code, out VideoAlarmCategory category)
    {
        category = default;
        var trimmed = code.Trim();
        if (!string.IsNullOrWhiteSpace(codeSet))
        {
            return Sets.TryGetValue(codeSet.Trim(), out var set) && set.TryGetValue(trimmed, out category);
        }

        return Sets[Platform].TryGetValue(trimmed, out category) || Sets[Chinese].TryGetValue(trimmed, out category);
    }

    private static FrozenDictionary<string, FrozenDictionary<string, VideoAlarmCategory>> Load()
    {
        var rows = new Dictionary<string, Dictionary<string, VideoAlarmCategory>>(StringComparer.OrdinalIgnoreCase)
        {
            [Platform] = Enum.GetValues<VideoAlarmCategory>().ToDictionary(c => c.ToString(), c => c, StringComparer.OrdinalIgnoreCase),
        };
        using var stream = typeof(AlgorithmCodes).Assembly.GetManifestResourceStream("DualPrevention.Core.VideoAlarms.algorithm-codes.csv")
            ?? throw new InvalidOperationException("The algorithm code table is not embedded.");
        using var reader = new StreamReader(stream);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (!rows.TryGetValue(cells[0], out var set))
            {
                rows[cells[0]] = set = new Dictionary<string, VideoAlarmCategory>(StringComparer.OrdinalIgnoreCase);
            }

            set.Add(cells[1], Enum.Parse<VideoAlarmCategory>(cells[2]));
        }

        return rows.ToFrozenDictionary(
            r => r.Key,
            r => r.Value.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
    }
}
