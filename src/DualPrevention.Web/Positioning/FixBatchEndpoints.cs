using System.Text.Json.Serialization;
using DualPrevention.Core.Positioning;
using DualPrevention.Core.Tenancy;
using DualPrevention.Web.Hosting;
using Microsoft.AspNetCore.Authorization;

namespace DualPrevention.Web.Positioning;

/// <summary>
/// <c>POST /api/v1/positioning/fixes</c>, the MQTT topic's twin (docs/positioning-ingest.md, ADR 0039): a device posts
/// the documented payload with its credential (HTTP Basic, <see cref="DeviceAuthentication"/>); the enterprise is the
/// credential's, never the payload's, and the fixes go through <see cref="AcceptFixes"/> like a message from the broker,
/// so refusals are counted the same. The answer names each refused fix; a body that is no payload at all is refused 400,
/// one over the size or count limit 413 (both counted once, as over MQTT); <see cref="FixBatchRateLimit"/> per credential.
/// </summary>
internal static class FixBatchEndpoints
{
    public static RouteGroupBuilder MapFixBatchEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/positioning/fixes", PostAsync)
            .WithName("PostPositioningFixes")
            .WithTags("Positioning ingest")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = DeviceAuthentication.SchemeName })
            .RequireRateLimiting(FixBatchRateLimit.Name)
            .Accepts<IReadOnlyList<FixDocument>>("application/json")
            .Produces<FixBatchAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> PostAsync(HttpContext http, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var enterpriseId = DeviceAuthentication.EnterpriseOf(http.User);
        var body = await LimitedBody.ReadAtMostAsync(http.Request.Body, http.Request.ContentLength, FixLimits.MaxMessageBytes, cancellationToken);
        // A body over the limit is judged as the parser judges an oversized message: refused whole as out of range.
        var batch = FixPayload.Parse(body ?? new byte[FixLimits.MaxMessageBytes + 1], clock.GetUtcNow());

        IReadOnlyList<AcceptFixes.Outcome> outcomes;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            outcomes = await scope.ServiceProvider.GetRequiredService<AcceptFixes.Handler>()
                .HandleAsync([new AcceptFixes.Delivery(enterpriseId, batch)], cancellationToken);
        }

        if (batch.Fixes.Count == 0 && batch.Refusals is [{ Index: null, Reason: var reason }])
        {
            return reason == FixRejection.OutOfRange
                ? TypedResults.Problem(
                    title: "Batch too large",
                    detail: $"A batch holds at most {FixLimits.MaxFixesPerMessage} fixes and {FixLimits.MaxMessageBytes} bytes.",
                    statusCode: StatusCodes.Status413PayloadTooLarge)
                : TypedResults.Problem(
                    title: "Not a fix payload",
                    detail: "The body must be one fix object or a non-empty array of them (docs/positioning-ingest.md#payload).",
                    statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = outcomes[0];
        return TypedResults.Ok(new FixBatchAnswer(outcome.Accepted, outcome.Refusals.Count, outcome.Refusals));
    }
}

/// <summary>What became of a posted batch: how many fixes were stored and each refused one with its place, field and reason.</summary>
public sealed record FixBatchAnswer(int Accepted, int Refused, IReadOnlyList<FixRefusal> Refusals);

/// <summary>One fix of the payload as documented (docs/positioning-ingest.md#payload); the body is one of these or an array of them.</summary>
public sealed record FixDocument(
    string Tag,
    DateTimeOffset Time,
    double? X,
    double? Y,
    int? Floor,
    [property: JsonPropertyName("lat")] double? Latitude,
    [property: JsonPropertyName("lon")] double? Longitude,
    double? Accuracy,
    int? Battery,
    bool? Sos,
    bool? Fall);
