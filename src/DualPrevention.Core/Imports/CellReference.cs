namespace DualPrevention.Core.Imports;

/// <summary>A1-style cell references: column letters and row numbers as Excel shows them.</summary>
public static class CellReference
{
    /// <summary>"A" for 0, "Z" for 25, "AA" for 26.</summary>
    public static string ColumnLetter(int column)
    {
        var letters = "";
        for (var n = column + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    /// <summary>0 for "A", 26 for "AA".</summary>
    public static int ColumnIndex(string letters) => TryParse(letters + "1", out var position) ? position.Column : -1;

    /// <summary>Parses "J17" into row 17, column 9.</summary>
    public static bool TryParse(string reference, out CellPosition position)
    {
        position = default;
        var column = 0;
        var i = 0;
        for (; i < reference.Length && char.IsAsciiLetter(reference[i]); i++)
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
        }

        if (i == 0 || i == reference.Length || !int.TryParse(reference.AsSpan(i), out var row) || row < 1)
        {
            return false;
        }

        position = new CellPosition(row, column - 1);
        return true;
    }
}
