using System.Data.Common;
using DualPrevention.Core.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace DualPrevention.Core.Tenancy;

/// <summary>
/// Each time the DbContext opens a connection, sets the session variables the row-level-security policies
/// read: <c>app.scope_kind</c> (none/enterprise/region/system), <c>app.enterprise_id</c> and
/// <c>app.region_code</c>. All three are written on every open, so a pooled connection never carries a
/// previous user's scope; an unset scope reads as none and shows no rows.
/// </summary>
public sealed class TenantScopeConnectionInterceptor : DbConnectionInterceptor
{
    private const string SetScopeSql =
        "SELECT set_config('app.scope_kind', @kind, false), set_config('app.enterprise_id', @enterprise, false), set_config('app.region_code', @region, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Session variable values for a scope, in the order kind, enterprise id, region code.</summary>
    public static (string Kind, string EnterpriseId, string RegionCode) SettingsFor(TenantScope scope) => (
        scope.Kind switch
        {
            TenantScopeKind.Enterprise => "enterprise",
            TenantScopeKind.Region => "region",
            TenantScopeKind.System => "system",
            TenantScopeKind.None => "none",
        },
        scope.EnterpriseId?.ToString() ?? "",
        scope.RegionCode ?? "");

    private static NpgsqlCommand CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        var scope = (eventData.Context as DualPreventionDbContext)?.Scope ?? TenantScope.None;
        var (kind, enterprise, region) = SettingsFor(scope);
        var command = new NpgsqlCommand(SetScopeSql, (NpgsqlConnection)connection);
        command.Parameters.AddWithValue("kind", kind);
        command.Parameters.AddWithValue("enterprise", enterprise);
        command.Parameters.AddWithValue("region", region);
        return command;
    }
}
