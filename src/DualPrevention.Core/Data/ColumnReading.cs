using System.Data.Common;

namespace DualPrevention.Core.Data;

/// <summary>
/// Reads a raw SQL result by column name, never by position: a column added, removed or moved in the statement then
/// fails loudly (<see cref="IndexOutOfRangeException"/> for a name the result lacks) instead of shifting every value.
/// </summary>
public static class ColumnReading
{
    /// <summary>The value of column <paramref name="name"/> of the current row.</summary>
    public static T ValueOf<T>(this DbDataReader row, string name) => row.GetFieldValue<T>(row.GetOrdinal(name));

    /// <summary>The value of column <paramref name="name"/>, or null when it is SQL NULL.</summary>
    public static T? NullableValueOf<T>(this DbDataReader row, string name)
        where T : struct
    {
        var ordinal = row.GetOrdinal(name);
        return row.IsDBNull(ordinal) ? null : row.GetFieldValue<T>(ordinal);
    }

    /// <summary>A <c>count(*)</c> or <c>sum</c> column (bigint) as an <see cref="int"/>.</summary>
    /// <exception cref="OverflowException">The count does not fit an <see cref="int"/>.</exception>
    public static int CountOf(this DbDataReader row, string name) => checked((int)row.ValueOf<long>(name));
}
