using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace DualPrevention.Core.MajorHazards;

/// <summary>
/// One row of GB 18218-2018 Table 1 as shipped in docs/domain/major-hazard-thresholds.csv
/// (docs/domain/major-hazards.md#9-the-threshold-table).
/// </summary>
/// <param name="Row">The row of Table 1 (1–85).</param>
/// <param name="Cas">The first CAS number of the row, or null for the three rows without one.</param>
/// <param name="ThresholdQuantity">Q in tonnes.</param>
/// <param name="HazardClasses">
/// The Table 2 classes read from the CSV's editorial <c>hazard_category</c> hint (docs/domain/major-hazards.md#7-implementation-notes):
/// "W1.x" is every W1 class; what follows "unless" is a condition, not a class. Empty when the hint names no class.
/// </param>
/// <param name="NamedBeta">The Table 3 β (by CAS; coal gas takes carbon monoxide's), or null.</param>
public sealed record ListedSubstance(
    int Row, string NameZh, string NameEn, string? Cas, decimal ThresholdQuantity,
    IReadOnlyList<HazardClass> HazardClasses, decimal? NamedBeta, string HazardHint);

/// <summary>Table 1 of GB 18218-2018, read from the CSV embedded in Core (the same file as docs/domain's).</summary>
public static partial class ListedSubstances
{
    public const string ResourceName = "DualPrevention.Core.MajorHazards.major-hazard-thresholds.csv";

    private static readonly Lazy<IReadOnlyList<ListedSubstance>> Table = new(Load);

    /// <summary>All 85 rows, in the order of Table 1.</summary>
    public static IReadOnlyList<ListedSubstance> All => Table.Value;

    private static List<ListedSubstance> Load()
    {
        using var stream = typeof(ListedSubstances).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not embedded.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var header = SplitCsvLine(reader.ReadLine() ?? "");
        if (!header.SequenceEqual(["name_zh", "name_en", "cas", "threshold_tonnes", "hazard_category", "source"]))
        {
            throw new InvalidOperationException($"{ResourceName} has an unexpected header.");
        }

        var rows = new List<ListedSubstance>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = SplitCsvLine(line);
            var cas = CasNumber().Match(fields[2]) is { Success: true } match ? match.Value : null;
            var hint = fields[4];
            var namedBeta = NamedToxicGases.BetaOf(cas)
                ?? (hint.Contains("carbon monoxide", StringComparison.Ordinal) ? NamedToxicGases.BetaOf(NamedToxicGases.CarbonMonoxideCas) : null);
            rows.Add(new ListedSubstance(
                int.Parse(TableRow().Match(fields[5]).Groups[1].Value, CultureInfo.InvariantCulture),
                fields[0], fields[1], cas,
                decimal.Parse(fields[3], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture),
                ClassesOfHint(hint), namedBeta, hint));
        }

        return rows;
    }

    /// <summary>The classes a hint names before any "unless" ("W5.3 beta=1 unless W5.1/W5.2 conditions" is W5.3).</summary>
    internal static IReadOnlyList<HazardClass> ClassesOfHint(string hint)
    {
        var unless = hint.IndexOf("unless", StringComparison.Ordinal);
        var named = unless < 0 ? hint : hint[..unless];
        return [.. HazardSymbol().Matches(named)
            .SelectMany(m => m.Value.EndsWith(".x", StringComparison.Ordinal)
                ? HazardClasses.All.Where(c => c.Symbol().StartsWith(m.Value[..^1], StringComparison.Ordinal))
                : HazardClasses.Parse(m.Value) is { } parsed ? [parsed] : [])
            .Distinct()];
    }

    /// <summary>Splits one RFC 4180 line: fields may be quoted, a quote inside a quoted field is doubled.</summary>
    private static List<string> SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    [GeneratedRegex(@"\d{2,7}-\d{2}-\d")]
    private static partial Regex CasNumber();

    [GeneratedRegex(@"#(\d+)$")]
    private static partial Regex TableRow();

    [GeneratedRegex(@"\b(J[1-5]|W(1[01]|[1-9])(\.[1-4x])?)\b")]
    private static partial Regex HazardSymbol();
}
