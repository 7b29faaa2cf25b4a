using System.IO.Compression;
using DualPrevention.Core.Localization;

namespace DualPrevention.Core.Imports;

/// <summary>
/// Refuses an upload before any parser sees it: empty or over <see cref="ImportLimits.MaxFileBytes"/>, not a
/// workbook by content (the name's extension is not trusted), or an .xlsx whose central directory promises an
/// absurd unpacked size (a zip bomb).
/// </summary>
public static class WorkbookGuard
{
    private static readonly byte[] ZipSignature = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>The format of <paramref name="file"/>.</summary>
    /// <param name="templatePath">The importer's blank template, offered when the file is no workbook at all.</param>
    /// <exception cref="DomainRuleException">Empty, too large, not a workbook, or unsafe to unpack.</exception>
    public static WorkbookFormat Inspect(byte[] file, string templatePath)
    {
        CheckSize(file.Length);
        if (file.AsSpan().StartsWith(OleSignature))
        {
            return WorkbookFormat.Xls;
        }

        if (!file.AsSpan().StartsWith(ZipSignature))
        {
            throw new DomainRuleException(CoreText.Get("Import.File.WrongType", templatePath));
        }

        InspectZip(file, templatePath);
        return WorkbookFormat.Xlsx;
    }

    /// <summary>Refuses an upload by its length alone, before it is read.</summary>
    /// <exception cref="DomainRuleException">Empty or over <see cref="ImportLimits.MaxFileBytes"/>.</exception>
    public static void CheckSize(long length)
    {
        if (length == 0)
        {
            throw new DomainRuleException(CoreText.Get("Import.File.Empty"));
        }

        if (length > ImportLimits.MaxFileBytes)
        {
            throw new DomainRuleException(CoreText.Get("Import.File.TooLarge", length / 1048576.0, ImportLimits.MaxFileBytes / 1048576));
        }
    }

    private static void InspectZip(byte[] file, string templatePath)
    {
        long inflated = 0;
        long packed = 0;
        var isWorkbook = false;
        try
        {
            // Reading the archive reads only its central directory; no entry is inflated here.
            using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
            foreach (var entry in zip.Entries)
            {
                inflated += entry.Length;
                packed += entry.CompressedLength;
                isWorkbook |= entry.FullName.Equals("xl/workbook.xml", StringComparison.OrdinalIgnoreCase)
                    || entry.FullName.Equals("xl/workbook.bin", StringComparison.OrdinalIgnoreCase);
            }
        }
        catch (InvalidDataException ex)
        {
            throw new DomainRuleException(CoreText.Get("Import.File.WrongType", templatePath), ex);
        }

        if (!isWorkbook)
        {
            throw new DomainRuleException(CoreText.Get("Import.File.WrongType", templatePath));
        }

        var ratio = packed == 0 ? 0 : inflated / (double)packed;
        if (inflated > ImportLimits.MaxInflatedBytes || (inflated > ImportLimits.RatioFloorBytes && ratio > ImportLimits.MaxCompressionRatio))
        {
            throw new DomainRuleException(CoreText.Get("Import.File.ZipBomb", inflated / 1048576, ratio));
        }
    }
}
