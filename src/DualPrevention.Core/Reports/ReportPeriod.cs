using System.Globalization;
using System.Text.RegularExpressions;

namespace DualPrevention.Core.Reports;

/// <summary>The kind of span a compliance report or dashboard covers.</summary>
public enum ReportPeriodKind
{
    Month = 0,
    Quarter = 1,
    Year = 2,
}

/// <summary>
/// A report period as local dates (Asia/Shanghai, ADR 0003): a month <c>yyyy-MM</c>, a quarter <c>yyyy-Qn</c> or a
/// year <c>yyyy</c>. <see cref="From"/> is the first local day, <see cref="To"/> the day after the last.
/// </summary>
public sealed partial record ReportPeriod(ReportPeriodKind Kind, DateOnly From, DateOnly To)
{
    /// <summary>UTC, inclusive.</summary>
    public DateTimeOffset StartUtc => BusinessTime.FromLocal(From.ToDateTime(TimeOnly.MinValue));

    /// <summary>UTC, exclusive.</summary>
    public DateTimeOffset EndUtc => BusinessTime.FromLocal(To.ToDateTime(TimeOnly.MinValue));

    /// <summary>The canonical text: 2026-11, 2026-Q4 or 2026.</summary>
    public string Code => Kind switch
    {
        ReportPeriodKind.Month => From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        ReportPeriodKind.Quarter => $"{From.Year}-Q{((From.Month - 1) / 3) + 1}",
        _ => From.Year.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Chinese display text: 2026年11月, 2026年第4季度, 2026年.</summary>
    public string ChineseName => Name(ReportText.Chinese);

    /// <summary>Display text in <paramref name="culture"/>: 2026年11月 or 2026-11, 2026年第4季度 or Q4 2026, 2026年 or 2026.</summary>
    public string Name(CultureInfo culture) => Kind switch
    {
        ReportPeriodKind.Month => ReportText.Get("ComplianceReport.Period.Month", culture, From.Year, From.Month),
        ReportPeriodKind.Quarter => ReportText.Get("ComplianceReport.Period.Quarter", culture, From.Year, ((From.Month - 1) / 3) + 1),
        _ => ReportText.Get("ComplianceReport.Period.Year", culture, From.Year),
    };

    public static ReportPeriod Month(int year, int month)
    {
        var from = new DateOnly(year, month, 1);
        return new ReportPeriod(ReportPeriodKind.Month, from, from.AddMonths(1));
    }

    public static ReportPeriod Quarter(int year, int quarter)
    {
        var from = new DateOnly(year, ((quarter - 1) * 3) + 1, 1);
        return new ReportPeriod(ReportPeriodKind.Quarter, from, from.AddMonths(3));
    }

    public static ReportPeriod Year(int year) => new(ReportPeriodKind.Year, new DateOnly(year, 1, 1), new DateOnly(year + 1, 1, 1));

    /// <summary>The month, quarter or year holding <paramref name="day"/>.</summary>
    public static ReportPeriod Containing(ReportPeriodKind kind, DateOnly day) => kind switch
    {
        ReportPeriodKind.Month => Month(day.Year, day.Month),
        ReportPeriodKind.Quarter => Quarter(day.Year, ((day.Month - 1) / 3) + 1),
        _ => Year(day.Year),
    };

    /// <summary>Reads a period a user typed (a query string), refusing anything else with a bilingual message.</summary>
    /// <exception cref="DomainRuleException">Not yyyy-MM, yyyy-Qn or yyyy.</exception>
    public static ReportPeriod FromInput(string? text) =>
        TryParse(text, out var period) ? period : throw new DomainRuleException(Localization.CoreText.Get("Reports.PeriodInvalid", text ?? ""));

    /// <summary>Reads a code this type wrote (<see cref="Code"/>).</summary>
    /// <exception cref="FormatException">The text is not a period code.</exception>
    public static ReportPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a report period (yyyy-MM, yyyy-Qn or yyyy).");

    /// <summary>Reads <c>yyyy-MM</c>, <c>yyyy-Qn</c> (n 1–4) or <c>yyyy</c> (years 2000–2099).</summary>
    public static bool TryParse(string? text, out ReportPeriod period)
    {
        period = null!;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture);
        if (match.Groups["month"].Success)
        {
            var month = int.Parse(match.Groups["month"].Value, CultureInfo.InvariantCulture);
            if (month is < 1 or > 12)
            {
                return false;
            }

            period = Month(year, month);
            return true;
        }

        period = match.Groups["quarter"].Success ? Quarter(year, match.Groups["quarter"].Value[0] - '0') : Year(year);
        return true;
    }

    [GeneratedRegex(@"^(?<year>20\d\d)(?:-(?<month>\d\d)|-Q(?<quarter>[1-4]))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
