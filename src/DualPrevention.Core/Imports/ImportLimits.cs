namespace DualPrevention.Core.Imports;

/// <summary>
/// What a workbook import accepts: the bounds keep one upload from exhausting the server's memory
/// or time, and are checked before the workbook is parsed wherever the file itself tells.
/// </summary>
public static class ImportLimits
{
    /// <summary>Largest upload, 20 MiB.</summary>
    public const long MaxFileBytes = 20L * 1024 * 1024;

    /// <summary>Largest total unpacked size of an .xlsx's parts, 200 MiB; a real 100,000-row list unpacks to well under half of it.</summary>
    public const long MaxInflatedBytes = 200L * 1024 * 1024;

    /// <summary>Largest unpacked ÷ packed ratio of an .xlsx once it unpacks beyond <see cref="RatioFloorBytes"/>; spreadsheet XML packs 5–30 times.</summary>
    public const int MaxCompressionRatio = 100;

    /// <summary>Unpacked size below which the ratio is not judged: a tiny, very repetitive file is harmless.</summary>
    public const long RatioFloorBytes = 10L * 1024 * 1024;

    /// <summary>Most data rows (control measures) over all sheets.</summary>
    public const int MaxDataRows = 100_000;

    /// <summary>How many rows from the top of a sheet are searched for the header row.</summary>
    public const int HeaderSearchRows = 30;

    /// <summary>Most problems a preview lists (errors first); the counts always cover all of them.</summary>
    public const int MaxListedProblems = 1_000;
}
