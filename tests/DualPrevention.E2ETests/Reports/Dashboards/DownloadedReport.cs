using System.Globalization;
using System.Text;
using ExcelDataReader;
using Microsoft.Playwright;

namespace DualPrevention.E2ETests.Reports.Dashboards;

/// <summary>
/// A compliance report file the browser downloaded, read back as a person reads it: each row under the header row
/// by its 企业名称 cell (an enterprise's name, or a total's label such as "青岛市 合计"), then by column header.
/// </summary>
internal sealed class DownloadedReport
{
    private const string LabelColumn = "企业名称";

    private readonly byte[] _bytes;

    private DownloadedReport(string fileName, byte[] bytes)
    {
        FileName = fileName;
        _bytes = bytes;
    }

    /// <summary>The name the server gave the file (Content-Disposition).</summary>
    public string FileName { get; }

    /// <summary>Clicks <paramref name="link"/> and keeps what the browser's download event delivers.</summary>
    public static async Task<DownloadedReport> ClickAsync(IPage page, ILocator link)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return new DownloadedReport(download.SuggestedFilename, buffer.ToArray());
    }

    /// <summary>The .xlsx's rows: counts and rates are numbers (a rate of 75 % is the number 75).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> WorkbookRows()
    {
        // ExcelDataReader's default configuration asks for code page 1252 even for .xlsx.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(new MemoryStream(_bytes));
        var lines = new List<string[]>();
        while (reader.Read())
        {
            lines.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture) ?? "")]);
        }

        return ByLabel(lines);
    }

    /// <summary>The .csv's rows as shown on screen (a rate reads "75%"); the file must open with the UTF-8 byte-order mark.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> CsvRows()
    {
        _bytes.AsSpan(0, 3).SequenceEqual(Encoding.UTF8.Preamble).ShouldBeTrue("Excel on zh-CN Windows reads UTF-8 only behind a byte-order mark");
        var text = Encoding.UTF8.GetString(_bytes, 3, _bytes.Length - 3);

        // The figures and names read here hold no comma, so a plain split is an honest reading of RFC 4180.
        return ByLabel([.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(',').Select(f => f.Trim('"')).ToArray())]);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> ByLabel(List<string[]> lines)
    {
        var header = lines.FindIndex(line => line.Contains(LabelColumn));
        header.ShouldBeGreaterThanOrEqualTo(0, "the file has a header row");
        var columns = lines[header];
        var label = Array.IndexOf(columns, LabelColumn);
        return lines.Skip(header + 1).ToDictionary(
            line => line[label],
            IReadOnlyDictionary<string, string> (line) => columns.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i < line.Length ? line[c.i] : ""));
    }
}
