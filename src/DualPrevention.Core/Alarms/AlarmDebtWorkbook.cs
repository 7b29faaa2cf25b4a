using System.Globalization;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Reports.Exports;
using DualPrevention.Core.Risks;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// The alarm-debt ledger as an .xlsx (SpreadCheetah, forward-only, as the compliance report's workbook): a title, the
/// period, region and source, then one row per enterprise in the ledger's order. Counts are numbers, durations minutes
/// with one decimal, the false-alarm rate whole percent; names pass <see cref="FormulaInjection"/>. Words in
/// the requester's language.
/// </summary>
public static class AlarmDebtWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] Headers =
    [
        "Enterprise", "RegionCode", "Raised", "OpenDebt", "PastDue", "ReviewMedian", "ReviewP90", "CloseMedian", "CloseP90", "FalseAlarms", "Reviewed", "FalseAlarmRate",
    ];

    /// <summary>报警处置台账-2026-11.xlsx or alarm-debt-2026-11.xlsx.</summary>
    public static string FileName(string period, CultureInfo culture) => $"{ReportText.Get("AlarmDebt.FileName", culture, period)}.xlsx";

    /// <summary>Writes asynchronously only, so <paramref name="output"/> may be an HTTP response body; leaves it open.</summary>
    public static async Task WriteAsync(
        Stream output, SummarizeAlarmDebt.Result header, AlarmSource? source, IReadOnlyList<SummarizeAlarmDebt.Row> rows, CultureInfo culture, CancellationToken cancellationToken)
    {
        await using var sink = new AsyncOnlyStream(output);
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(sink, cancellationToken: cancellationToken))
        {
            var worksheet = new WorksheetOptions { FrozenRows = 5, FrozenColumns = 1 };
            worksheet.Column(1).Width = 36;
            await spreadsheet.StartWorksheetAsync(ReportText.Get("AlarmDebt.SheetName", culture), worksheet, cancellationToken);
            var bold = spreadsheet.AddStyle(new Style { Font = { Bold = true } });
            var title = spreadsheet.AddStyle(new Style { Font = { Bold = true, Size = 16 } });
            var minutes = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0.0") });
            var percent = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("0\"%\"") });
            var code = spreadsheet.AddStyle(new Style { Format = NumberFormat.Custom("@") });

            await spreadsheet.AddRowAsync([new StyledCell(ReportText.Get("AlarmDebt.Title", culture), title)], cancellationToken);
            await spreadsheet.AddRowAsync([new StyledCell(ReportText.Get("AlarmDebt.Period", culture), bold), new StyledCell(header.Period, null)], cancellationToken);
            await spreadsheet.AddRowAsync([new StyledCell(ReportText.Get("AlarmDebt.Region", culture), bold), new StyledCell(header.RegionCode, code)], cancellationToken);
            var sourceName = source is { } s ? ReportText.Get($"AlarmDebt.Source.{s}", culture) : ReportText.Get("AlarmDebt.AllSources", culture);
            await spreadsheet.AddRowAsync([new StyledCell(ReportText.Get("AlarmDebt.SourceLabel", culture), bold), new StyledCell(sourceName, null)], cancellationToken);
            await spreadsheet.AddRowAsync(Headers.Select(h => new StyledCell(ReportText.Get($"AlarmDebt.Column.{h}", culture), bold)).ToArray(), cancellationToken);
            foreach (var row in rows)
            {
                await spreadsheet.AddRowAsync(
                    [
                        new StyledCell(FormulaInjection.Neutralize(row.EnterpriseName), null), new StyledCell(row.RegionCode, code),
                        new StyledCell(row.Raised, null), new StyledCell(row.OpenDebt, null), new StyledCell(row.PastDue, null),
                        Minutes(row.ReviewMedianSeconds, minutes), Minutes(row.ReviewP90Seconds, minutes), Minutes(row.CloseMedianSeconds, minutes), Minutes(row.CloseP90Seconds, minutes),
                        new StyledCell(row.FalseAlarms, null), new StyledCell(row.Reviewed, null), new StyledCell(row.FalseAlarmPercent, percent),
                    ],
                    cancellationToken);
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        await sink.FlushAsync(cancellationToken);
    }

    private static StyledCell Minutes(int? seconds, StyleId style) =>
        new(seconds is { } s ? Math.Round(s / 60m, 1, MidpointRounding.AwayFromZero) : null, style);
}
