namespace DualPrevention.Core.Imports;

/// <summary>
/// A header cell as a candidate header row states it. Under a group header — a cell of the row above merged across
/// several columns, such as 危险评价 over L, E, C and D — the cell also reads with the group's text in front
/// (<see cref="Group"/>).
/// </summary>
/// <param name="Column">0-based column.</param>
/// <param name="Text">The cell's own text.</param>
/// <param name="Key">The normalised text of the cell itself (<see cref="HeaderText.Normalize"/>).</param>
/// <param name="Group">The group header's text, or null outside a group.</param>
internal sealed record HeaderCell(int Column, string Text, string Key, string? Group)
{
    /// <summary>
    /// The field the cell names, by its own text first, then with its group's in front; the key that named it (or its
    /// own); the header to show ("危险评价 L" when the group named it); and whether the group did.
    /// </summary>
    public (TField? Field, string Key, string Header, bool ByGroup) Resolve<TField>(Func<string, TField?> find)
        where TField : struct
    {
        if (find(Key) is { } own)
        {
            return (own, Key, Text, false);
        }

        var groupKey = Group is null ? null : HeaderText.Normalize(Group) + Key;
        return groupKey is not null && find(groupKey) is { } grouped ? (grouped, groupKey, $"{Group} {Text}", true) : (null, Key, Text, false);
    }
}

/// <summary>Reads the cells of a candidate header row (see <see cref="HeaderCell"/>).</summary>
internal static class HeaderCells
{
    /// <summary>
    /// The header cells of row <paramref name="index"/> of <paramref name="sheet"/>, left to right; a header merged across
    /// columns is one cell, at its first column.
    /// </summary>
    public static List<HeaderCell> Of(WorkbookSheet sheet, int index)
    {
        var row = sheet.Rows[index];
        var above = index > 0 && sheet.Rows[index - 1].Number == row.Number - 1 ? sheet.Rows[index - 1] : null;
        var cells = new List<HeaderCell>();
        for (var c = 0; c < row.Cells.Length; c++)
        {
            var group = above is not null && sheet.IsMergedAcross(above.Number, c) && !sheet.IsMergedAcross(row.Number, c) ? CellText.Of(above[c]) : null;
            var own = CellText.Of(row.Cells[c]);
            if (own is null || (group is null && sheet.ContinuesLeft(row.Number, c)))
            {
                continue;
            }

            cells.Add(new HeaderCell(c, own, HeaderText.Normalize(own), group == own ? null : group));
        }

        return cells;
    }

    /// <summary>
    /// True when the row above row <paramref name="index"/> is its group-header row: it merges cells across columns
    /// over the row's own headers, and other headers run down from it (merged over both rows), as in a table whose
    /// 危险评价 spans L, E, C, D while 序号 spans two rows. A title or "单位：…" line above a header shares no header.
    /// </summary>
    public static bool HasGroupRow(WorkbookSheet sheet, int index)
    {
        var row = sheet.Rows[index];
        if (index == 0 || sheet.Rows[index - 1] is not { } above || above.Number != row.Number - 1)
        {
            return false;
        }

        var grouped = false;
        var runsDown = false;
        for (var c = 0; c < row.Cells.Length; c++)
        {
            var own = CellText.Of(row.Cells[c]);
            if (own is null || CellText.Of(above[c]) is not { } upper)
            {
                continue;
            }

            grouped |= sheet.IsMergedAcross(above.Number, c) && !sheet.IsMergedAcross(row.Number, c) && upper != own;
            runsDown |= upper == own && !sheet.IsMergedAcross(row.Number, c);
        }

        return grouped && runsDown;
    }
}
