using System.Globalization;
using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Reports;

/// <summary>
/// The words of the compliance report (<c>Reports/Messages.resx</c>, keys <c>ComplianceReport.*</c>) in a given language: the
/// page shows them in the reader's, a file is written in its requester's (<see cref="Compliance.ComplianceReportHeader.Culture"/>).
/// Names of enterprises and regions are data and stay as stored.
/// </summary>
public static class ReportText
{
    /// <summary>The language of a report whose requester is not known: the regulators'.</summary>
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>, or null when there is none.</summary>
    public static string? Find(string key, CultureInfo culture) => CoreText.Messages.Find(key, culture);

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>, formatted with <paramref name="args"/>.</summary>
    /// <exception cref="InvalidOperationException">Reports/Messages.resx does not hold the key.</exception>
    public static string Get(string key, CultureInfo culture, params object?[] args)
    {
        var template = Find(key, culture) ?? throw new InvalidOperationException($"Report text '{key}' is in no area's Messages.resx.");
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }

    /// <summary>
    /// A 运行等级 in <paramref name="culture"/>: the configured band names (OperatingEffectRules.Grades) are Chinese data
    /// and the default four have texts (ComplianceReport.Grade.&lt;name&gt;); a band configured with another name reads as configured.
    /// </summary>
    public static string? Grade(string? grade, CultureInfo culture) =>
        grade is null ? null : Find($"ComplianceReport.Grade.{grade}", culture) ?? grade;

    /// <summary>The name of a veto code (OperatingEffectRules.Vetoes) in <paramref name="culture"/>, or the code itself when it has none.</summary>
    public static string Veto(string veto, CultureInfo culture) => Find($"ComplianceReport.Veto.{veto}", culture) ?? veto;
}
