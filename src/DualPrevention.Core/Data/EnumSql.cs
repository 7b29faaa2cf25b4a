using System.Globalization;

namespace DualPrevention.Core.Data;

/// <summary>
/// Enum values written into SQL text as the integers EF Core stores them as, so a statement says
/// <c>t.status IN (0, 1)</c> because <see cref="StateSet{TEnum}"/> or a cast of the enum says so, never because someone
/// typed the numbers.
/// </summary>
public static class EnumSql
{
    /// <summary><c>column IN (v, …)</c>, or <c>column = v</c> for one value.</summary>
    /// <exception cref="ArgumentException">No value is given (the SQL would match nothing).</exception>
    public static string In<TEnum>(string column, IReadOnlyCollection<TEnum> values)
        where TEnum : struct, Enum =>
        values.Count == 1 ? $"{column} = {Number(values.Single())}" : $"{column} IN ({List(values)})";

    /// <summary><c>column NOT IN (v, …)</c>, or <c>column &lt;&gt; v</c> for one value.</summary>
    /// <exception cref="ArgumentException">No value is given (the SQL would match nothing).</exception>
    public static string NotIn<TEnum>(string column, IReadOnlyCollection<TEnum> values)
        where TEnum : struct, Enum =>
        values.Count == 1 ? $"{column} <> {Number(values.Single())}" : $"{column} NOT IN ({List(values)})";

    private static string Number<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    private static string List<TEnum>(IReadOnlyCollection<TEnum> values)
        where TEnum : struct, Enum =>
        values.Count == 0
            ? throw new ArgumentException("An SQL list needs at least one value.", nameof(values))
            : string.Join(", ", values.Select(Number));
}
