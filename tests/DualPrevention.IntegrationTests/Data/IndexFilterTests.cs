using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace DualPrevention.IntegrationTests.Data;

/// <summary>
/// The baseline migration keeps the index filters as the literal text they had when it was written (ADR 0012), while
/// the model builds them from the state sets: a set that changes without a migration that changes its index is caught
/// here, by comparing what PostgreSQL made of each.
/// </summary>
public class IndexFilterTests(TestDatabase database) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Every_filtered_index_in_the_database_has_the_filter_the_model_builds()
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var filtered = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes())
            .Where(i => i.GetFilter() is not null)
            .Select(i => (Name: i.GetDatabaseName()!, Table: i.DeclaringEntityType.GetTableName()!,
                Column: i.Properties[0].GetColumnName(StoreObjectIdentifier.Table(i.DeclaringEntityType.GetTableName()!)), Filter: i.GetFilter()!))
            .ToList();
        await using var connection = new NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();

        filtered.Count.ShouldBeGreaterThan(10);
        foreach (var index in filtered)
        {
            var inDatabase = await PredicateAsync(connection, index.Name);
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var probe = new NpgsqlCommand($"CREATE INDEX dp_probe ON {index.Table} ({index.Column}) WHERE {index.Filter}", connection, transaction))
            {
                await probe.ExecuteNonQueryAsync();
            }

            var built = await PredicateAsync(connection, "dp_probe", transaction);
            await transaction.RollbackAsync();
            inDatabase.ShouldBe(built, $"{index.Name}: the model builds '{index.Filter}'");
        }
    }

    [Fact]
    public async Task The_model_has_no_change_the_migrations_lack()
    {
        await using var db = database.OwnerContext(TenantScope.System);

        db.Database.HasPendingModelChanges().ShouldBeFalse();
    }

    /// <summary>The index's predicate as PostgreSQL prints it in <c>pg_indexes</c>, e.g. <c>(state = ANY (ARRAY[1, 2, 3]))</c>.</summary>
    private static async Task<string> PredicateAsync(NpgsqlConnection connection, string index, NpgsqlTransaction? transaction = null)
    {
        await using var command = new NpgsqlCommand(
            "SELECT substring(indexdef FROM ' WHERE (.*)$') FROM pg_indexes WHERE schemaname = 'public' AND indexname = @index", connection, transaction);
        command.Parameters.AddWithValue("index", index);
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"Index {index} is not in the database.");
    }
}
