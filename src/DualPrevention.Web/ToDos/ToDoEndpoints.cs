using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.ToDos;

namespace DualPrevention.Web.ToDos;

/// <summary>
/// The caller's own to-dos under <c>/api/v1/me/to-dos</c>: the same list the to-do centre shows and the app bar counts,
/// read inside the caller's tenant scope (another enterprise's items never appear).
/// </summary>
internal static class ToDoEndpoints
{
    public static RouteGroupBuilder MapToDoEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/me/to-dos", (ClaimsPrincipal user, ListMyToDos.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), ct))
            .WithTags("To-dos")
            .WithName("ListMyToDos");
        return api;
    }
}
