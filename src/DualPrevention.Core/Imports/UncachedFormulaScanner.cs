using System.IO.Compression;
using System.Xml;

namespace DualPrevention.Core.Imports;

/// <summary>
/// Finds .xlsx cells that hold a formula (<c>&lt;f&gt;</c>) but no saved value (<c>&lt;v&gt;</c>), as files written
/// by generators rather than by Excel or WPS often do. ExcelDataReader reads such cells as blank, which would
/// otherwise be indistinguishable from a cell left empty on purpose (ECMA-376 Part 1 §18.3.1.4).
/// </summary>
internal static class UncachedFormulaScanner
{
    private const string MainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string RelationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>Sheet name → cells with an uncached formula; sheets without any are absent.</summary>
    public static Dictionary<string, HashSet<CellPosition>> Scan(byte[] file)
    {
        var found = new Dictionary<string, HashSet<CellPosition>>(StringComparer.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(file, writable: false), ZipArchiveMode.Read);
        foreach (var (name, part) in SheetParts(zip))
        {
            var entry = zip.GetEntry(part);
            if (entry is null)
            {
                continue;
            }

            // Most lists hold no formula at all: a plain byte search over the part is far cheaper than an XML parse.
            var xml = new MemoryStream();
            using (var stream = entry.Open())
            {
                stream.CopyTo(xml);
            }

            if (!HasFormula(xml.GetBuffer().AsSpan(0, (int)xml.Length)))
            {
                continue;
            }

            xml.Position = 0;
            var cells = ScanSheet(xml);
            if (cells.Count > 0)
            {
                found[name] = cells;
            }
        }

        return found;
    }

    /// <summary>True when the part contains a formula element, with or without a namespace prefix.</summary>
    private static bool HasFormula(ReadOnlySpan<byte> xml) =>
        xml.IndexOf("<f>"u8) >= 0 || xml.IndexOf("<f "u8) >= 0 || xml.IndexOf("<f/"u8) >= 0 || xml.IndexOf(":f>"u8) >= 0 || xml.IndexOf(":f "u8) >= 0 || xml.IndexOf(":f/"u8) >= 0;

    private static HashSet<CellPosition> ScanSheet(Stream sheet)
    {
        var cells = new HashSet<CellPosition>();
        using var xml = XmlReader.Create(sheet, new XmlReaderSettings { IgnoreComments = true, DtdProcessing = DtdProcessing.Prohibit });
        string? reference = null;
        bool formula = false, value = false, inValue = false;
        while (xml.Read())
        {
            switch (xml.NodeType)
            {
                case XmlNodeType.Element when xml.LocalName == "c" && xml.NamespaceURI == MainNamespace:
                    Close(cells, reference, formula, value);
                    reference = xml.IsEmptyElement ? null : xml.GetAttribute("r");
                    (formula, value, inValue) = (false, false, false);
                    break;
                case XmlNodeType.Element when reference is not null && xml.LocalName == "f":
                    formula = true;
                    break;
                case XmlNodeType.Element when reference is not null && xml.LocalName == "v":
                    inValue = !xml.IsEmptyElement;
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace when inValue:
                    value = true;
                    break;
                case XmlNodeType.EndElement when xml.LocalName == "v":
                    inValue = false;
                    break;
                case XmlNodeType.EndElement when xml.LocalName == "c" && xml.NamespaceURI == MainNamespace:
                    Close(cells, reference, formula, value);
                    reference = null;
                    break;
                default:
                    break;
            }
        }

        Close(cells, reference, formula, value);
        return cells;
    }

    private static void Close(HashSet<CellPosition> cells, string? reference, bool formula, bool value)
    {
        if (reference is not null && formula && !value && CellReference.TryParse(reference, out var position))
        {
            cells.Add(position);
        }
    }

    private static IEnumerable<(string Name, string Part)> SheetParts(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        var rels = zip.GetEntry("xl/_rels/workbook.xml.rels");
        var workbook = zip.GetEntry("xl/workbook.xml");
        if (rels is null || workbook is null)
        {
            yield break;
        }

        using (var stream = rels.Open())
        using (var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
        {
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "Relationship" && xml.GetAttribute("Id") is { } id && xml.GetAttribute("Target") is { } target)
                {
                    targets[id] = target.StartsWith('/') ? target[1..] : "xl/" + target;
                }
            }
        }

        using var book = workbook.Open();
        using var reader = XmlReader.Create(book, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "sheet" && reader.NamespaceURI == MainNamespace
                && reader.GetAttribute("name") is { } name && reader.GetAttribute("id", RelationshipNamespace) is { } rid
                && targets.TryGetValue(rid, out var part))
            {
                yield return (name, part);
            }
        }
    }
}
