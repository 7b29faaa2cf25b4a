using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Web.Hosting;

namespace DualPrevention.Web.Accounts;

/// <summary>Account management under <c>/api/v1/accounts</c>, bounded by <see cref="AccountPermissions"/>.</summary>
internal static class AccountEndpoints
{
    /// <summary>Body of a one-time password reset.</summary>
    public sealed record PasswordReset(string NewPassword);

    /// <summary>Body of a department and post change; blanks clear them.</summary>
    public sealed record AccountProfile(string? Department, string? Post);

    public static RouteGroupBuilder MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var accounts = api.MapGroup("/accounts").WithTags("Accounts").RequireAuthorization(Policies.AccountManager);
        accounts.MapGet("/", (ClaimsPrincipal user, ListAccounts.Handler handler, string? search, Guid? enterpriseId, int? page, int? pageSize, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new ListAccounts.Query(search, enterpriseId, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListAccounts")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        accounts.MapPost("/", async (ClaimsPrincipal user, CreateAccount.Command command, CreateAccount.Handler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(Actor.From(user), command, ct);
            return TypedResults.Created($"/api/v1/accounts/{id}", new CreatedId(id));
        }).WithName("CreateAccount")
            .ProducesValidationProblem();
        accounts.MapPost("/{id:guid}/lock", async (ClaimsPrincipal user, Guid id, LockAccount.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new LockAccount.Command(id, Locked: true), ct);
            return TypedResults.NoContent();
        }).WithName("LockAccount")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPost("/{id:guid}/unlock", async (ClaimsPrincipal user, Guid id, LockAccount.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new LockAccount.Command(id, Locked: false), ct);
            return TypedResults.NoContent();
        }).WithName("UnlockAccount")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPost("/{id:guid}/reset-password", async (ClaimsPrincipal user, Guid id, PasswordReset body, ResetAccountPassword.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new ResetAccountPassword.Command(id, body.NewPassword), ct);
            return TypedResults.NoContent();
        }).WithName("ResetAccountPassword")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapPut("/{id:guid}/profile", async (ClaimsPrincipal user, Guid id, AccountProfile body, UpdateAccountProfile.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new UpdateAccountProfile.Command(id, body.Department, body.Post), ct);
            return TypedResults.NoContent();
        }).WithName("UpdateAccountProfile")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
