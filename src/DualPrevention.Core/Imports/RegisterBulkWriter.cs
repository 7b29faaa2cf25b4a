using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

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
            var converters = properties.Select(p => (Getter: p.GetGetter(), Mapping: p.GetRelationalTypeMapping())).ToList();
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                foreach (var (getter, mapping) in converters)
                {
                    var value = getter.GetClrValue(row);
                    if (value is not null && mapping.Converter is { } converter)
                    {
                        value = converter.ConvertToProvider(value);
                    }

                    if (value is null)
                    {
                        await copy.WriteNullAsync(cancellationToken);
                    }
                    else
                    {
                        await copy.WriteAsync(value, mapping.StoreTypeNameBase, cancellationToken);
                    }
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
}
