using DualPrevention.Core.Imports;

namespace DualPrevention.Web.Imports;

/// <summary>A header cell as the mapping editor shows it, whichever importer read it.</summary>
/// <param name="Key">Normalised header, the key a correction uses.</param>
/// <param name="Field">The field name it maps to, or null.</param>
public sealed record MappedColumn(string Sheet, string Letter, string Header, string Key, string? Field)
{
    public static MappedColumn From(ImportColumn column) => new(column.Sheet, column.Letter, column.Header, column.Key, column.Field?.ToString());

    public static MappedColumn From(LedgerImportColumn column) => new(column.Sheet, column.Letter, column.Header, column.Key, column.Field?.ToString());
}

/// <summary>A field the mapping editor offers: its name and its label in the reader's language.</summary>
public sealed record FieldOption(string Value, string Label);
