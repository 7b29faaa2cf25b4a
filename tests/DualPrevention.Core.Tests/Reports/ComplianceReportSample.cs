using System.Runtime.CompilerServices;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Compliance;

namespace DualPrevention.Core.Tests.Reports;

/// <summary>
/// A hand-built Qingdao report for 2026-11 whose right answers the tests state: 海晶化工 completed 5 of 8
/// windows (62.5 % → 63 %), rectified 3 of 4 hidden dangers (75 %), 2 of them on time (66.7 % → 67 %) and scores
/// 68.75 → 68.8; a second enterprise's name is a formula and nothing was due there (rates empty).
/// </summary>
internal static class ComplianceReportSample
{
    public const string Title = "双重预防机制运行情况报表";
    public const string Haijing = "青岛海晶化工有限公司";
    public const string HaijingCreditCode = "913702001635626810";
    public const string FormulaName = "=HYPERLINK(\"http://example.invalid\",\"点击\")";

    public static readonly ComplianceReportHeader Header = new(
        ReportPeriod.Month(2026, 11), "370200", "青岛市", new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.Zero), "qingdao");

    public static readonly ComplianceMetrics HaijingMetrics = new(
        Enterprises: 1,
        UnitsByLevel: [1, 2, 3, 4],
        EventsByLevel: [2, 3, 4, 5],
        WindowsDue: 8,
        WindowsCompleted: 5,
        WindowsLate: 1,
        WindowsMissed: 2,
        WindowsSuspended: 1,
        AccountabilityDue: [2, 1, 1],
        AccountabilityCompleted: [1, 1, 0],
        HiddenDangersGeneral: 3,
        HiddenDangersMajor: 1,
        HiddenDangersToRectify: 4,
        HiddenDangersRectified: 3,
        HiddenDangersRectifiedOnTime: 2,
        OverdueGeneral: 1,
        OverdueMajor: 0,
        MajorPosted: 1,
        MajorClosedOut: 0,
        MajorPostedOpen: 1);

    public static readonly ComplianceMetrics IdleMetrics = new(1, [0, 0, 1, 0], [0, 0, 1, 0], 0, 0, 0, 0, 3, [0, 0, 0], [0, 0, 0], 0, 1, 0, 0, 0, 0, 1, 0, 0, 0);

    public static IReadOnlyList<ComplianceReportRow> Rows { get; } = BuildRows();

    public static ComplianceReportRow Enterprise(string name, string creditCode, ComplianceMetrics metrics, OperatingEffect effect) =>
        new(ComplianceRowKind.Enterprise, "370202", "青岛市", "市南区", Guid.NewGuid(), name, creditCode, metrics, effect);

    /// <summary>Enterprises of 市南区 numbered 1…<paramref name="count"/>, then the county, city and province totals.</summary>
    public static IReadOnlyList<ComplianceReportRow> Many(int count)
    {
        var enterprises = Enumerable.Range(1, count)
            .Select(i => Enterprise($"青岛第{i:0000}号化工有限公司", $"9137020000000{i:00000}", HaijingMetrics, HaijingEffect))
            .ToList();
        return [.. enterprises, .. Totals(enterprises)];
    }

    public static async IAsyncEnumerable<ComplianceReportRow> StreamAsync(IEnumerable<ComplianceReportRow> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return row;
        }
    }

    private static OperatingEffect HaijingEffect => new(31.25m, 37.5m, 68.75m, [], "中", 1, 0, [new("优", 0), new("良", 0), new("中", 1), new("差", 0)]);

    private static List<ComplianceReportRow> BuildRows()
    {
        var haijing = Enterprise(Haijing, HaijingCreditCode, HaijingMetrics, HaijingEffect);
        var idle = Enterprise(FormulaName, "91370202MA3C4XYZ1K", IdleMetrics, new OperatingEffect(null, null, null, ["major-overdue"], null, 0, 1, NoGrades));
        return [haijing, idle, .. Totals([haijing, idle])];
    }

    /// <summary>Every grade band with no enterprise in it.</summary>
    public static IReadOnlyList<GradeCount> NoGrades { get; } = [new("优", 0), new("良", 0), new("中", 0), new("差", 0)];

    private static IEnumerable<ComplianceReportRow> Totals(IReadOnlyList<ComplianceReportRow> enterprises)
    {
        var sum = ComplianceMetrics.Sum(enterprises.Select(e => e.Metrics));
        var effect = new OperatingEffectRules().Aggregate(enterprises.Select(e => e.Effect));
        yield return new ComplianceReportRow(ComplianceRowKind.CountyTotal, "370202", "青岛市", "市南区", null, null, null, sum, effect);
        yield return new ComplianceReportRow(ComplianceRowKind.CityTotal, "370200", "青岛市", "", null, null, null, sum, effect);
        yield return new ComplianceReportRow(ComplianceRowKind.ProvinceTotal, "370000", "", "", null, null, null, sum, effect);
    }
}
