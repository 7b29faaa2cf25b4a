using DualPrevention.Core.Monitoring;
using DualPrevention.Core.Tenancy;
using DualPrevention.Web.Hosting;
using DualPrevention.Web.Positioning;
using Microsoft.AspNetCore.Authorization;

namespace DualPrevention.Web.Monitoring;

/// <summary>
/// <c>POST /api/v1/monitoring/readings</c>, the MQTT topic's twin (docs/monitoring-ingest.md, ADR 0050): a device posts the
/// documented payload with its credential (HTTP Basic, <see cref="DeviceAuthentication"/>); the enterprise is the
/// credential's, never the payload's, and the readings go through <see cref="AcceptReadings"/> like a message from the
/// broker, so refusals are counted the same. The answer names each refused reading with its field and reason; a body
/// that is no payload at all is refused 400, one over the size or count limit 413 (both counted once, as over MQTT).
/// </summary>
internal static class ReadingBatchEndpoints
{
    public static RouteGroupBuilder MapReadingBatchEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/monitoring/readings", PostAsync)
            .WithName("PostMonitoringReadings")
            .WithTags("Monitoring ingest")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = DeviceAuthentication.SchemeName })
            .RequireRateLimiting(FixBatchRateLimit.Name)
            .Accepts<IReadOnlyList<ReadingDocument>>("application/json")
            .Produces<ReadingBatchAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> PostAsync(HttpContext http, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var enterpriseId = DeviceAuthentication.EnterpriseOf(http.User);
        var body = await LimitedBody.ReadAtMostAsync(http.Request.Body, http.Request.ContentLength, ReadingLimits.MaxMessageBytes, cancellationToken);
        // A body over the limit is judged as the parser judges an oversized message: refused whole as out of range.
        var batch = ReadingPayload.Parse(body ?? new byte[ReadingLimits.MaxMessageBytes + 1], clock.GetUtcNow());

        IReadOnlyList<AcceptReadings.Outcome> outcomes;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
            outcomes = await scope.ServiceProvider.GetRequiredService<AcceptReadings.Handler>()
                .HandleAsync([new AcceptReadings.Delivery(enterpriseId, batch)], cancellationToken);
        }

        if (batch.RefusedWhole)
        {
            return batch.Refusals[0].Reason == ReadingRejection.OutOfRange
                ? TypedResults.Problem(
                    title: "Batch too large",
                    detail: $"A batch holds at most {ReadingLimits.MaxReadingsPerMessage} readings and {ReadingLimits.MaxMessageBytes} bytes.",
                    statusCode: StatusCodes.Status413PayloadTooLarge)
                : TypedResults.Problem(
                    title: "Not a reading payload",
                    detail: "The body must be one reading object or a non-empty array of them (docs/monitoring-ingest.md#payload).",
                    statusCode: StatusCodes.Status400BadRequest);
        }

        var outcome = outcomes[0];
        return TypedResults.Ok(new ReadingBatchAnswer(outcome.Accepted, outcome.Refusals.Count, outcome.Refusals));
    }
}

/// <summary>What became of a posted batch: how many readings were taken and each refused one with its place, field and reason.</summary>
public sealed record ReadingBatchAnswer(int Accepted, int Refused, IReadOnlyList<ReadingRefusal> Refusals);

/// <summary>One reading as documented (docs/monitoring-ingest.md#payload): the point's code, the device's time (ISO 8601 with offset) and the value.</summary>
public sealed record ReadingDocument(string Point, DateTimeOffset Time, double Value);
