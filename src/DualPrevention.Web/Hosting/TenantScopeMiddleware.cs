using DualPrevention.Core.Tenancy;
using Serilog.Context;

namespace DualPrevention.Web.Hosting;

/// <summary>Sets the request's tenant scope from the authenticated user and pushes user and tenant into the log context.</summary>
internal sealed class TenantScopeMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantScopeAccessor accessor)
    {
        var scope = PrincipalScope.From(context.User);
        accessor.Current = scope;
        using (LogContext.PushProperty("UserName", scope.UserName))
        using (LogContext.PushProperty("EnterpriseId", scope.EnterpriseId))
        using (LogContext.PushProperty("RegionCode", scope.RegionCode))
        using (LogContext.PushProperty("CorrelationId", context.TraceIdentifier))
        {
            await next(context);
        }
    }
}
