using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Npgsql;
using NpgsqlTypes;

namespace DualPrevention.Core.Imports;

/// <summary>
/// Writes many register rows in a few statements (STYLE.md principle 5): binary COPY into a temporary table,
/// then one <c>INSERT … SELECT … ON CONFLICT (id) DO UPDATE</c> into the real table. COPY cannot target the
/// real tables because they use row-level security, whose policies the INSERT then checks row by row. Columns
/// come from the EF model, so a mapped property added later is written too. Runs inside the caller's
/// transaction; the <see cref="ImportRun"/> written with it stands for these rows in the audit trail.
/// </summary>
internal static class RegisterBulkWriter
{
    /// <summary>Inserts new rows of <typeparamref name="T"/> and overwrites existing ones (same id) with the given state.</summary>
    public static async Task UpsertAsync<T>(DualPreventionDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }

        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(table, entityType.GetSchema());
        var properties = entityType.GetProperties().ToList();
        var columns = properties.Select(p => Quote(p.GetColumnName(store)!)).ToList();
        var key = entityType.FindPrimaryKey()!.Properties.Select(p => Quote(p.GetColumnName(store)!)).ToList();
        var temporary = Quote("import_" + table);
        var columnList = string.Join(", ", columns);

#pragma warning disable EF1002 // Table and column names come from the EF model, quoted; no user text reaches this SQL.
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE TEMP TABLE {temporary} (LIKE {Quote(table)} INCLUDING DEFAULTS) ON COMMIT DROP", cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {temporary} ({columnList}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            var writers = properties.Select(ColumnWriter.For).ToList();
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                foreach (var writer in writers)
                {
                    await writer.WriteAsync(copy, row, cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        var updates = string.Join(", ", columns.Except(key).Select(c => $"{c} = EXCLUDED.{c}"));
        await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {Quote(table)} ({columnList}) SELECT {columnList} FROM {temporary} ON CONFLICT ({string.Join(", ", key)}) DO UPDATE SET {updates}",
            cancellationToken);
#pragma warning restore EF1002
    }

    private static string Quote(string identifier) => new NpgsqlCommandBuilder().QuoteIdentifier(identifier);

    /// <summary>Reads one mapped property (through its value converter) and writes it with its PostgreSQL type, resolved once per column.</summary>
    private sealed record ColumnWriter(IClrPropertyGetter Getter, ValueConverter? Converter, NpgsqlDbType Type)
    {
        public static ColumnWriter For(IProperty property)
        {
            var mapping = property.GetRelationalTypeMapping();
            var provider = mapping.Converter?.ProviderClrType ?? property.ClrType;
            var type = (Nullable.GetUnderlyingType(provider) ?? provider) switch
            {
                var t when t == typeof(Guid) => NpgsqlDbType.Uuid,
                var t when t == typeof(string) => NpgsqlDbType.Text,
                var t when t == typeof(int) => NpgsqlDbType.Integer,
                var t when t == typeof(short) => NpgsqlDbType.Smallint,
                var t when t == typeof(bool) => NpgsqlDbType.Boolean,
                var t when t == typeof(decimal) => NpgsqlDbType.Numeric,
                var t when t == typeof(DateTimeOffset) => NpgsqlDbType.TimestampTz,
                var t when t == typeof(TimeOnly) => NpgsqlDbType.Time,
                var t when t == typeof(DateOnly) => NpgsqlDbType.Date,
                var t => throw new NotSupportedException($"{property.DeclaringType.ClrType.Name}.{property.Name} ({t.Name}) has no COPY mapping."),
            };
            return new ColumnWriter(property.GetGetter(), mapping.Converter, type);
        }

        public Task WriteAsync(NpgsqlBinaryImporter copy, object row, CancellationToken cancellationToken)
        {
            var value = Getter.GetClrValue(row);
            if (value is not null && Converter is not null)
            {
                value = Converter.ConvertToProvider(value);
            }

            return value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, Type, cancellationToken);
        }
    }

}
