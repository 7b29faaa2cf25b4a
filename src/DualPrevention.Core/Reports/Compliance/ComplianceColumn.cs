using System.Globalization;

namespace DualPrevention.Core.Reports.Compliance;

/// <summary>How a compliance report column's values are stored and shown.</summary>
public enum ComplianceValueKind
{
    /// <summary>Free text (names, grade, veto items).</summary>
    Text = 0,

    /// <summary>An identifier made of digits and letters (credit code, region code): always a text cell, never a number.</summary>
    Code = 1,

    /// <summary>A count.</summary>
    Count = 2,

    /// <summary>A rate as a whole percent rounded half away from zero (<see cref="Percent.Round"/>), e.g. 63 for 5 of 8.</summary>
    Percent = 3,

    /// <summary>A score to one decimal place (<see cref="Percent.RoundScore"/>).</summary>
    Score = 4,
}

/// <summary>
/// One column of the compliance report, shared by the .xlsx, .csv and .pdf writers and the on-screen table so
/// that all show the same figures. Text columns answer <see cref="TextOf"/>; numeric ones answer
/// <see cref="NumberOf"/> already rounded as shown, so no reader of a file can see a different value than the UI.
/// Headers and words are in the language asked for (<c>ComplianceReport.Column.&lt;Key&gt;</c>, <c>ComplianceReport.Group.&lt;Group&gt;</c>
/// in Reports/Messages.resx); names of enterprises and regions are data.
/// </summary>
public sealed class ComplianceColumn
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private readonly Func<ComplianceReportRow, CultureInfo, string?>? _text;
    private readonly Func<ComplianceReportRow, decimal?>? _number;

    private ComplianceColumn(
        string key,
        string? group,
        ComplianceValueKind kind,
        double width,
        Func<ComplianceReportRow, CultureInfo, string?>? text,
        Func<ComplianceReportRow, decimal?>? number,
        bool inPdf = true)
    {
        Key = key;
        Group = group;
        Kind = kind;
        Width = width;
        InPdf = inPdf;
        _text = text;
        _number = number;
    }

    /// <summary>The column's name in the texts, e.g. UnitsMajor.</summary>
    public string Key { get; }

    /// <summary>The group of adjacent columns under one header in a two-row header (.pdf, UI), e.g. Units; null spans both rows.</summary>
    public string? Group { get; }

    /// <summary>The English header, which also names the column in the page's markup (data-column).</summary>
    public string EnglishHeader => Header(English);

    public ComplianceValueKind Kind { get; }

    /// <summary>Width in Excel character units; the PDF scales all widths to the page.</summary>
    public double Width { get; }

    /// <summary>
    /// Whether the A4 PDF carries the column. Paper leaves out what its reader needs least (region code, 包保 rate
    /// by role) so that the rest stays legible at 6 pt; the .xlsx, the .csv and the UI carry every column.
    /// </summary>
    public bool InPdf { get; }

    public bool IsNumeric => Kind is ComplianceValueKind.Count or ComplianceValueKind.Percent or ComplianceValueKind.Score;

    /// <summary>The header of a one-row header (.xlsx, .csv), e.g. 重大风险单元 or "Risk units, major".</summary>
    public string Header(CultureInfo culture) => ReportText.Get($"ComplianceReport.Column.{Key}", culture);

    /// <summary>The header under <see cref="GroupName"/>, e.g. 重大; the whole header when there is no group.</summary>
    public string ShortHeader(CultureInfo culture) => Group is null ? Header(culture) : ReportText.Get($"ComplianceReport.Column.{Key}.Short", culture);

    /// <summary>The header of the column's group, e.g. 风险单元; null when it has none.</summary>
    public string? GroupName(CultureInfo culture) => Group is null ? null : ReportText.Get($"ComplianceReport.Group.{Group}", culture);

    /// <summary>The text of a <see cref="ComplianceValueKind.Text"/> or <see cref="ComplianceValueKind.Code"/> column; null when empty.</summary>
    public string? TextOf(ComplianceReportRow row, CultureInfo culture) =>
        _text is null ? throw new InvalidOperationException($"Column {Key} is numeric.") : _text(row, culture);

    /// <summary>A count, a whole percent (63 for 62.5 %) or a score to one decimal; null when there is no base.</summary>
    public decimal? NumberOf(ComplianceReportRow row) =>
        _number is null ? throw new InvalidOperationException($"Column {Key} is text.") : _number(row);

    /// <summary>The value as read on screen and in the PDF: "63%", "71.3", "12"; an empty value is <paramref name="empty"/>.</summary>
    public string Display(ComplianceReportRow row, CultureInfo culture, string empty = "")
    {
        if (!IsNumeric)
        {
            return TextOf(row, culture) is { Length: > 0 } text ? text : empty;
        }

        return NumberOf(row) switch
        {
            null => empty,
            { } percent when Kind == ComplianceValueKind.Percent => percent.ToString("0", CultureInfo.InvariantCulture) + "%",
            { } score when Kind == ComplianceValueKind.Score => score.ToString("0.0", CultureInfo.InvariantCulture),
            { } count => count.ToString("0", CultureInfo.InvariantCulture),
        };
    }

    internal static ComplianceColumn Text(string key, double width, Func<ComplianceReportRow, CultureInfo, string?> value) =>
        new(key, null, ComplianceValueKind.Text, width, value, null);

    internal static ComplianceColumn Code(string key, double width, Func<ComplianceReportRow, string?> value, bool inPdf = true) =>
        new(key, null, ComplianceValueKind.Code, width, (row, _) => value(row), null, inPdf);

    internal static ComplianceColumn Text(string group, string key, double width, Func<ComplianceReportRow, CultureInfo, string?> value) =>
        new(key, group, ComplianceValueKind.Text, width, value, null);

    internal static ComplianceColumn Count(string group, string key, Func<ComplianceMetrics, int> value) =>
        new(key, group, ComplianceValueKind.Count, 7, null, row => value(row.Metrics));

    /// <summary>A count of enterprises from the operating effect (scored, vetoed; ADR 0026).</summary>
    internal static ComplianceColumn EffectCount(string group, string key, Func<OperatingEffect, int> value) =>
        new(key, group, ComplianceValueKind.Count, 7, null, row => value(row.Effect));

    /// <summary>A rate from an unrounded fraction (<see cref="Percent.Of"/>), rounded here once for every output.</summary>
    internal static ComplianceColumn Rate(string group, string key, Func<ComplianceMetrics, decimal?> fraction, bool inPdf = true) =>
        new(key, group, ComplianceValueKind.Percent, 8, null, row => Percent.Round(fraction(row.Metrics)), inPdf);

    internal static ComplianceColumn Score(string group, string key, Func<OperatingEffect, decimal?> value) =>
        new(key, group, ComplianceValueKind.Score, 8, null, row => value(row.Effect) is { } score ? Percent.RoundScore(score) : null);
}
