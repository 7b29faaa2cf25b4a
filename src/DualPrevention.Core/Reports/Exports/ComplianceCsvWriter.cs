using System.Text;
using DualPrevention.Core.Reports.Compliance;

namespace DualPrevention.Core.Reports.Exports;

/// <summary>
/// Writes the compliance report as CSV (RFC 4180, CRLF), UTF-8 with a byte-order mark so that Excel on zh-CN
/// Windows reads the Chinese instead of guessing GBK. The title and <see cref="ComplianceReportCaption.Lines"/>
/// come first (one and two fields), then the header row in the file's language and one line per row, written as rows arrive.
/// Values are as shown on screen: rates "63%", scores "71.3", an empty field for no value; codes are always
/// quoted text and text that could run as a formula is neutralized (<see cref="FormulaInjection"/>).
/// </summary>
public static class ComplianceCsvWriter
{
    /// <summary>Writes asynchronously only, so <paramref name="output"/> may be an HTTP response body; leaves it open.</summary>
    public static async Task WriteAsync(Stream output, ComplianceReportHeader header, IAsyncEnumerable<ComplianceReportRow> rows, CancellationToken cancellationToken)
    {
        await output.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);
        var line = new StringBuilder();
        var culture = header.Language;

        await WriteLineAsync(writer, line.Append(Field(ComplianceReportCaption.Title(culture))), cancellationToken);
        foreach (var (label, value) in ComplianceReportCaption.Lines(header))
        {
            await WriteLineAsync(writer, line.Append(Field(label)).Append(',').Append(Field(value)), cancellationToken);
        }

        var columns = ComplianceColumns.All;
        line.AppendJoin(',', columns.Select(c => Field(c.Header(culture))));
        await WriteLineAsync(writer, line, cancellationToken);

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < columns.Count; i++)
            {
                if (i > 0)
                {
                    line.Append(',');
                }

                var column = columns[i];
                line.Append(column.IsNumeric ? column.Display(row, culture) : Field(column.TextOf(row, culture), quote: column.Kind == ComplianceValueKind.Code));
            }

            await WriteLineAsync(writer, line, cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    /// <summary>RFC 4180 quoting, after neutralizing formula triggers; a code is quoted even when it needs no quotes.</summary>
    internal static string Field(string? text, bool quote = false)
    {
        var safe = FormulaInjection.Neutralize(text) ?? "";
        return quote || safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{safe.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : safe;
    }

    private static async Task WriteLineAsync(StreamWriter writer, StringBuilder line, CancellationToken cancellationToken)
    {
        line.Append("\r\n");
        await writer.WriteAsync(line, cancellationToken);
        line.Clear();
    }
}
