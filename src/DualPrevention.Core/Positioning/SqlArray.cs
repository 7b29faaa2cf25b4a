using Npgsql;
using NpgsqlTypes;

namespace DualPrevention.Core.Positioning;

/// <summary>An array parameter for <c>unnest(…)</c>: how ingest passes a batch's columns in one statement.</summary>
internal static class SqlArray
{
    public static NpgsqlParameter Of<T>(string name, NpgsqlDbType type, IEnumerable<T> values) =>
        new(name, NpgsqlDbType.Array | type) { Value = values.ToArray() };
}
