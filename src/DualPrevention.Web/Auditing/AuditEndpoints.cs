using DualPrevention.Core.Auditing;
using DualPrevention.Web.Hosting;

namespace DualPrevention.Web.Auditing;

/// <summary>The audit trail for administrators under <c>/api/v1/audit-entries</c>.</summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/audit-entries", (ListAuditEntries.Handler handler, string? entityType, string? entityId, string? userName, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken ct) =>
                handler.HandleAsync(new ListAuditEntries.Query(entityType, entityId, userName, from, to, page ?? 1, pageSize ?? 50), ct))
            .WithTags("Audit")
            .WithName("ListAuditEntries")
            .RequireAuthorization(Policies.Admin)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }
}
