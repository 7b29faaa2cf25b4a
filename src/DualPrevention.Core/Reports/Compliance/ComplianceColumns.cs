using System.Globalization;
using DualPrevention.Core.Regions;

namespace DualPrevention.Core.Reports.Compliance;

/// <summary>
/// The columns of the compliance report (docs/domain/dual-prevention.md#91-rates-and-counts), defined once for the
/// .xlsx, .csv and .pdf files and the on-screen table. Levels run 重大, 较大, 一般, 低 as in
/// <see cref="ComplianceMetrics.UnitsByLevel"/>; the 包保 roles run 主要负责人, 技术负责人, 操作负责人 as in
/// <see cref="ComplianceMetrics.AccountabilityDue"/>.
/// </summary>
public static class ComplianceColumns
{
    /// <summary>Columns that identify the row; files keep them in view while scrolling (frozen panes).</summary>
    public const int KeyColumns = 3;

    private const string Units = "Units";
    private const string Events = "Events";
    private const string Tasks = "Tasks";
    private const string Accountability = "Accountability";
    private const string HiddenDangers = "HiddenDangers";
    private const string Effect = "Effect";

    /// <summary>Levels as in <see cref="ComplianceMetrics.UnitsByLevel"/>: 重大, 较大, 一般, 低.</summary>
    private static readonly string[] Levels = ["Major", "Significant", "General", "Low"];

    /// <summary>The 包保 roles as in <see cref="ComplianceMetrics.AccountabilityDue"/>: 主要负责人, 技术负责人, 操作负责人.</summary>
    private static readonly string[] Roles = ["Principal", "Technical", "Operational"];

    /// <summary>Province names by code, for the label of a province total, whose row carries no name of its own.</summary>
    private static readonly Lazy<Dictionary<string, string>> RegionNames =
        new(() => SeedRegions.ReadShandong().ToDictionary(r => r.Code, r => r.Name, StringComparer.Ordinal));

    public static IReadOnlyList<ComplianceColumn> All { get; } =
    [
        ComplianceColumn.Text("City", 8, (r, _) => r.Kind == ComplianceRowKind.ProvinceTotal ? null : r.CityName),
        ComplianceColumn.Text("County", 10, (r, _) => r.Kind is ComplianceRowKind.Enterprise or ComplianceRowKind.CountyTotal ? r.CountyName : null),
        ComplianceColumn.Text("Enterprise", 30, RowLabel),
        ComplianceColumn.Code("CreditCode", 21, r => r.CreditCode),
        ComplianceColumn.Code("RegionCode", 9, r => r.RegionCode, inPdf: false),
        .. Levels.Select((level, i) => ComplianceColumn.Count(Units, Units + level, m => m.UnitsByLevel[i])),
        .. Levels.Select((level, i) => ComplianceColumn.Count(Events, Events + level, m => m.EventsByLevel[i])),
        ComplianceColumn.Count(Tasks, "WindowsDue", m => m.WindowsDue),
        ComplianceColumn.Count(Tasks, "WindowsCompleted", m => m.WindowsCompleted),
        ComplianceColumn.Count(Tasks, "WindowsLate", m => m.WindowsLate),
        ComplianceColumn.Count(Tasks, "WindowsMissed", m => m.WindowsMissed),
        ComplianceColumn.Count(Tasks, "WindowsSuspended", m => m.WindowsSuspended),
        ComplianceColumn.Rate(Tasks, "CompletionRate", m => m.CompletionRate),
        ComplianceColumn.Rate(Accountability, "AccountabilityRate", m => m.AccountabilityRate),
        .. Roles.Select((role, i) => ComplianceColumn.Rate(
            Accountability, Accountability + role, m => Percent.Of(m.AccountabilityCompleted[i], m.AccountabilityDue[i]), inPdf: false)),
        ComplianceColumn.Count(HiddenDangers, "HiddenDangersGeneral", m => m.HiddenDangersGeneral),
        ComplianceColumn.Count(HiddenDangers, "HiddenDangersMajor", m => m.HiddenDangersMajor),
        ComplianceColumn.Count(HiddenDangers, "ToRectify", m => m.HiddenDangersToRectify),
        ComplianceColumn.Count(HiddenDangers, "Rectified", m => m.HiddenDangersRectified),
        ComplianceColumn.Rate(HiddenDangers, "RectificationRate", m => m.RectificationRate),
        ComplianceColumn.Rate(HiddenDangers, "OnTimeRectificationRate", m => m.OnTimeRectificationRate),
        ComplianceColumn.Count(HiddenDangers, "OverdueGeneral", m => m.OverdueGeneral),
        ComplianceColumn.Count(HiddenDangers, "OverdueMajor", m => m.OverdueMajor),
        ComplianceColumn.Count(HiddenDangers, "MajorPosted", m => m.MajorPosted),
        ComplianceColumn.Count(HiddenDangers, "MajorPostedOpen", m => m.MajorPostedOpen),
        ComplianceColumn.Count(HiddenDangers, "MajorClosedOut", m => m.MajorClosedOut),
        ComplianceColumn.Score(Effect, "Score", e => e.Score),
        ComplianceColumn.Text(Effect, "Grade", 6, (r, culture) => ReportText.Grade(r.Effect.Grade, culture)),
        ComplianceColumn.Text(Effect, "Vetoes", 14, Vetoes),
        ComplianceColumn.EffectCount(Effect, "Scored", e => e.Scored),
        ComplianceColumn.EffectCount(Effect, "Vetoed", e => e.Vetoed),
        ComplianceColumn.Text(Effect, "GradeDistribution", 16, GradeDistribution),
    ];

    /// <summary>
    /// The enterprise's name, or the label of a total: "市南区 合计", "青岛市 合计", "山东省 合计" ("青岛市 total" in English:
    /// region names are data). A province total takes its name from the division list by <see cref="ComplianceReportRow.RegionCode"/>.
    /// </summary>
    public static string RowLabel(ComplianceReportRow row, CultureInfo culture) => row.Kind switch
    {
        ComplianceRowKind.Enterprise => row.EnterpriseName ?? "",
        ComplianceRowKind.CountyTotal => ReportText.Get("ComplianceReport.Total", culture, row.CountyName),
        ComplianceRowKind.CityTotal => ReportText.Get("ComplianceReport.Total", culture, row.CityName),
        ComplianceRowKind.ProvinceTotal => ReportText.Get("ComplianceReport.Total", culture, RegionNames.Value.GetValueOrDefault(row.RegionCode) ?? ReportText.Get("ComplianceReport.Province", culture)),
    };

    /// <summary>The veto items that struck the row, e.g. 重大隐患超期未整改; null when none did.</summary>
    private static string? Vetoes(ComplianceReportRow row, CultureInfo culture) => row.Effect.Vetoes.Count == 0
        ? null
        : string.Join(ReportText.Get("ComplianceReport.ListSeparator", culture), row.Effect.Vetoes.Select(v => ReportText.Veto(v, culture)));

    /// <summary>"优1 良0 中0 差1" ("Excellent 1 Good 0 …") on a total (ADR 0026); empty on an enterprise row, whose grade has its own column.</summary>
    private static string? GradeDistribution(ComplianceReportRow row, CultureInfo culture) =>
        row.Kind == ComplianceRowKind.Enterprise
            ? null
            : string.Join(" ", row.Effect.Grades.Select(g => ReportText.Get("ComplianceReport.GradeCount", culture, ReportText.Grade(g.Grade, culture), g.Count)));
}
