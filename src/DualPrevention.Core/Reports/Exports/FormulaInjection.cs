namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// Keeps text that a spreadsheet could run as a formula inert (OWASP, "CSV Injection"): text beginning with
/// = + - @, tab or carriage return gets a leading apostrophe. The report's files are read, never imported back,
/// so the apostrophe may stay visible; the .xlsx does the same so a sheet saved again as CSV stays safe.
/// </summary>
public static class FormulaInjection
{
    public static string? Neutralize(string? text) =>
        text is { Length: > 0 } && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + text : text;
}
