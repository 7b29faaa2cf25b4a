using System.Globalization;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// Seeds the PRC holiday and 调休 calendar for 2025–2027 from the State Council notices (国办发明电〔2024〕12号 for
/// 2025, the 2026 notice of November 2025). 2027 holds only the statutory days of 《全国年节及纪念日放假办法》
/// (2024 revision), marked 暂定, until the notice is published. A year is seeded only when it has no entry at all,
/// so administrators' edits survive restarts. A day outside <see cref="WorldDates"/> (an <c>infinity</c> stored before the
/// range was enforced) is logged and left alone: start-up never dies on data (ADR 0016).
/// </summary>
public static class SeedHolidayCalendar
{
    private const string ResourceName = "DualPrevention.Core.Inspections.holiday-calendar.csv";

    /// <summary>Adds the embedded days of every year the table does not know yet; returns the days added.</summary>
    public static async Task<int> RunAsync(DualPreventionDbContext db, DateTimeOffset now, ILogger logger, CancellationToken cancellationToken)
    {
        var outside = await db.HolidayCalendarDays.Where(d => d.Date < WorldDates.First || d.Date > WorldDates.Last)
            .Select(d => d.Date).ToListAsync(cancellationToken);
        if (outside.Count > 0)
        {
            logger.LogWarning("Holiday calendar holds {DayCount} day(s) outside {First}…{Last}, skipped: {Days}", outside.Count, WorldDates.First, WorldDates.Last, outside);
        }

        var known = await db.HolidayCalendarDays.Where(d => d.Date >= WorldDates.First && d.Date <= WorldDates.Last)
            .Select(d => d.Date.Year).Distinct().ToListAsync(cancellationToken);
        var missing = Embedded(now).Where(d => !known.Contains(d.Date.Year)).ToList();
        db.HolidayCalendarDays.AddRange(missing);
        await db.SaveChangesAsync(cancellationToken);
        return missing.Count;
    }

    private static List<HolidayCalendarDay> Embedded(DateTimeOffset now)
    {
        using var stream = typeof(SeedHolidayCalendar).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var reader = new StreamReader(stream);
        var days = new List<HolidayCalendarDay>();
        reader.ReadLine();
        while (reader.ReadLine() is { Length: > 0 } line)
        {
            var parts = line.Split(',');
            days.Add(HolidayCalendarDay.Create(
                DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), Enum.Parse<HolidayKind>(parts[1]), parts[2], now));
        }

        return days;
    }
}
