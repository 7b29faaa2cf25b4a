using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Regions;

/// <summary>
/// Loads Shandong's divisions (province 370000, 16 cities, their counties; 2023 statistical codes, 莱芜 merged
/// into 济南 in 2019) from the embedded CSV <c>shandong-divisions-2023.csv</c>. Idempotent: existing codes are
/// updated in place, none are deleted.
/// </summary>
public static class SeedRegions
{
    private const string ResourceName = "DualPrevention.Core.Regions.shandong-divisions-2023.csv";

    /// <summary>Reads the embedded list; rows are ordered parents first.</summary>
    public static IReadOnlyList<Region> ReadShandong()
    {
        using var stream = typeof(SeedRegions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var regions = new List<Region>();
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            var level = Enum.Parse<RegionLevel>(cells[2], ignoreCase: true);
            regions.Add(new Region(cells[0], cells[1], level, cells[3].Length == 0 ? null : cells[3]));
        }

        return regions.OrderBy(r => r.Level).ThenBy(r => r.Code, StringComparer.Ordinal).ToList();
    }

    /// <summary>Upserts the list; returns the number of regions now present from it.</summary>
    public static async Task<int> RunAsync(DualPreventionDbContext db, CancellationToken cancellationToken)
    {
        var wanted = ReadShandong();
        var existing = await db.Regions.ToDictionaryAsync(r => r.Code, cancellationToken);
        foreach (var region in wanted)
        {
            if (existing.TryGetValue(region.Code, out var current))
            {
                current.Rename(region.Name, region.Level, region.ParentCode);
            }
            else
            {
                db.Regions.Add(region);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return wanted.Count;
    }
}
