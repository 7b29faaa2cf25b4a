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
/// </summary>
public sealed class ComplianceColumn
{
    private readonly Func<ComplianceReportRow, string?>? _text;
    private readonly Func<ComplianceReportRow, decimal?>? _number;

    private ComplianceColumn(
        string header,
        string englishHeader,
        string? group,
        string shortHeader,
        ComplianceValueKind kind,
        double width,
        Func<ComplianceReportRow, string?>? text,
        Func<ComplianceReportRow, decimal?>? number,
        bool inPdf = true)
    {
        Header = header;
        EnglishHeader = englishHeader;
        Group = group;
        ShortHeader = shortHeader;
        Kind = kind;
        Width = width;
        InPdf = inPdf;
        _text = text;
        _number = number;
    }

    /// <summary>The Chinese header of a one-row header (.xlsx, .csv), e.g. 重大风险单元.</summary>
    public string Header { get; }

    public string EnglishHeader { get; }

    /// <summary>The header of a group of adjacent columns in a two-row header (.pdf, UI), e.g. 风险单元; null spans both rows.</summary>
    public string? Group { get; }

    /// <summary>The header under <see cref="Group"/>, e.g. 重大; equals <see cref="Header"/> when there is no group.</summary>
    public string ShortHeader { get; }

    public ComplianceValueKind Kind { get; }

    /// <summary>Width in Excel character units; the PDF scales all widths to the page.</summary>
    public double Width { get; }

    /// <summary>
    /// Whether the A4 PDF carries the column. Paper leaves out what its reader needs least (region code, 包保 rate
    /// by role) so that the rest stays legible at 6 pt; the .xlsx, the .csv and the UI carry every column.
    /// </summary>
    public bool InPdf { get; }

    public bool IsNumeric => Kind is ComplianceValueKind.Count or ComplianceValueKind.Percent or ComplianceValueKind.Score;

    /// <summary>The text of a <see cref="ComplianceValueKind.Text"/> or <see cref="ComplianceValueKind.Code"/> column; null when empty.</summary>
    public string? TextOf(ComplianceReportRow row) =>
        _text is null ? throw new InvalidOperationException($"Column {EnglishHeader} is numeric.") : _text(row);

    /// <summary>A count, a whole percent (63 for 62.5 %) or a score to one decimal; null when there is no base.</summary>
    public decimal? NumberOf(ComplianceReportRow row) =>
        _number is null ? throw new InvalidOperationException($"Column {EnglishHeader} is text.") : _number(row);

    /// <summary>The value as read on screen and in the PDF: "63%", "71.3", "12"; an empty value is <paramref name="empty"/>.</summary>
    public string Display(ComplianceReportRow row, string empty = "")
    {
        if (!IsNumeric)
        {
            return TextOf(row) is { Length: > 0 } text ? text : empty;
        }

        return NumberOf(row) switch
        {
            null => empty,
            { } percent when Kind == ComplianceValueKind.Percent => percent.ToString("0", CultureInfo.InvariantCulture) + "%",
            { } score when Kind == ComplianceValueKind.Score => score.ToString("0.0", CultureInfo.InvariantCulture),
            { } count => count.ToString("0", CultureInfo.InvariantCulture),
        };
    }

    internal static ComplianceColumn Text(string header, string englishHeader, double width, Func<ComplianceReportRow, string?> value) =>
        new(header, englishHeader, null, header, ComplianceValueKind.Text, width, value, null);

    internal static ComplianceColumn Code(string header, string englishHeader, double width, Func<ComplianceReportRow, string?> value, bool inPdf = true) =>
        new(header, englishHeader, null, header, ComplianceValueKind.Code, width, value, null, inPdf);

    internal static ComplianceColumn Text(string group, string shortHeader, string header, string englishHeader, double width, Func<ComplianceReportRow, string?> value) =>
        new(header, englishHeader, group, shortHeader, ComplianceValueKind.Text, width, value, null);

    internal static ComplianceColumn Count(string group, string shortHeader, string header, string englishHeader, Func<ComplianceMetrics, int> value) =>
        new(header, englishHeader, group, shortHeader, ComplianceValueKind.Count, 7, null, row => value(row.Metrics));

    /// <summary>A count of enterprises from the operating effect (scored, vetoed; ADR 0026).</summary>
    internal static ComplianceColumn EffectCount(string group, string shortHeader, string header, string englishHeader, Func<OperatingEffect, int> value) =>
        new(header, englishHeader, group, shortHeader, ComplianceValueKind.Count, 7, null, row => value(row.Effect));

    /// <summary>A rate from an unrounded fraction (<see cref="Percent.Of"/>), rounded here once for every output.</summary>
    internal static ComplianceColumn Rate(string group, string shortHeader, string header, string englishHeader, Func<ComplianceMetrics, decimal?> fraction, bool inPdf = true) =>
        new(header, englishHeader, group, shortHeader, ComplianceValueKind.Percent, 8, null, row => Percent.Round(fraction(row.Metrics)), inPdf);

    internal static ComplianceColumn Score(string group, string shortHeader, string header, string englishHeader, Func<OperatingEffect, decimal?> value) =>
        new(header, englishHeader, group, shortHeader, ComplianceValueKind.Score, 8, null, row => value(row.Effect) is { } score ? Percent.RoundScore(score) : null);
}
