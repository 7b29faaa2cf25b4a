using DualPrevention.Core.Alarms;
using DualPrevention.Core.Tenancy;
using DualPrevention.Core.VideoAlarms;
using DualPrevention.Web.Hosting;
using DualPrevention.Web.Positioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DualPrevention.Web.VideoAlarms;

/// <summary>
/// <c>POST /api/v1/video-alarms</c>, the MQTT topic's twin (docs/video-intake.md#http, ADR 0046): an AI box or video
/// platform posts one alarm with its device credential (HTTP Basic, <see cref="DeviceAuthentication"/>, the fix batch
/// endpoint's rate limit per credential); the enterprise is the credential's, never the payload's. The snapshot comes as
/// base64 in the JSON or as the file <c>snapshot</c> of a multipart body beside the JSON in the field <c>alarm</c>. The
/// alarm goes through <see cref="IntakeVideoAlarm"/>; a refusal is counted and answered ProblemDetails naming the field and
/// the reason: 403 for a camera of another enterprise, 400 for every other.
/// </summary>
internal static class VideoAlarmEndpoints
{
    public const string Path = "/video-alarms";

    /// <summary>The multipart form field holding the JSON payload.</summary>
    public const string AlarmFormField = "alarm";

    /// <summary>A multipart body holds the payload and the snapshot; the server refuses anything larger outright (413).</summary>
    private const long RequestLimitBytes = 2L * VideoAlarmLimits.MaxMessageBytes;

    public static RouteGroupBuilder MapVideoAlarmEndpoints(this RouteGroupBuilder api)
    {
        // Multipart bodies would demand an antiforgery token; a device's Basic credential is not sent by a browser cross-site.
        api.MapPost(Path, PostAsync)
            .WithName("PostVideoAlarm")
            .WithTags("Video alarm intake")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = DeviceAuthentication.SchemeName })
            .RequireRateLimiting(FixBatchRateLimit.Name)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(RequestLimitBytes))
            .WithDescription("One alarm as JSON, the snapshot as base64 in `snapshot`; or multipart/form-data with the JSON in the field `alarm` and the snapshot as the file `snapshot` (docs/video-intake.md#http).")
            .Accepts<VideoAlarmDocument>("application/json", "multipart/form-data")
            .Produces<VideoAlarmAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> PostAsync(HttpContext http, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var enterpriseId = DeviceAuthentication.EnterpriseOf(http.User);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var intake = scope.ServiceProvider.GetRequiredService<IntakeVideoAlarm.Handler>();

        IntakeVideoAlarm.Result result;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(cancellationToken);
            var message = System.Text.Encoding.UTF8.GetBytes(form[AlarmFormField].ToString());
            byte[]? snapshot = null;
            if (form.Files.GetFile(VideoAlarmPayload.SnapshotField) is { } file)
            {
                await using var stream = file.OpenReadStream();
                snapshot = await LimitedBody.ReadAtMostAsync(stream, file.Length, VideoAlarmLimits.MaxSnapshotBytes, cancellationToken);
                if (snapshot is null)
                {
                    return Refused(await intake.RefuseAsync(enterpriseId, new(VideoAlarmRejection.SnapshotTooLarge, VideoAlarmPayload.SnapshotField), cancellationToken));
                }
            }

            result = await intake.HandleAsync(new IntakeVideoAlarm.Command(enterpriseId, message, snapshot), cancellationToken);
        }
        else
        {
            // A body over the limit is judged as the parser judges an oversized message: refused as a snapshot too large.
            var body = await LimitedBody.ReadAtMostAsync(http.Request.Body, http.Request.ContentLength, VideoAlarmLimits.MaxMessageBytes, cancellationToken);
            result = body is null
                ? await intake.RefuseAsync(enterpriseId, new(VideoAlarmRejection.SnapshotTooLarge, VideoAlarmPayload.SnapshotField), cancellationToken)
                : await intake.HandleAsync(new IntakeVideoAlarm.Command(enterpriseId, body), cancellationToken);
        }

        return result.Raised is { } raised
            ? (IResult)TypedResults.Ok(new VideoAlarmAnswer(raised.AlarmId, raised.OpenAlarmId, raised.Outcome, result.SnapshotPhotoId))
            : Refused(result);
    }

    private static ProblemHttpResult Refused(IntakeVideoAlarm.Result result)
    {
        var refusal = result.Refusal!;
        var field = refusal.Field ?? "body";
        var status = refusal.Reason == VideoAlarmRejection.OtherEnterprise ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest;
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [refusal.Reason.ToString()] })
        {
            Title = "Video alarm refused",
            Detail = $"Refused as {refusal.Reason} ({field}); see docs/video-intake.md#what-is-refused.",
            Status = status,
        };
        problem.Extensions["reason"] = refusal.Reason.ToString();
        return TypedResults.Problem(problem);
    }
}

/// <summary>What became of a posted alarm: its id in the alarm centre, the open alarm the duty list shows, and the stored snapshot.</summary>
public sealed record VideoAlarmAnswer(Guid AlarmId, Guid OpenAlarmId, RaiseAlarm.Outcome Outcome, Guid? SnapshotPhotoId);

/// <summary>The payload as documented (docs/video-intake.md#payload).</summary>
public sealed record VideoAlarmDocument(
    string Camera,
    string? Vendor,
    string Algorithm,
    DateTimeOffset Time,
    double? Confidence,
    IReadOnlyList<VideoAlarmBoxDocument>? Boxes,
    string? Snapshot,
    string? SnapshotUrl,
    string? ClipUrl,
    string? EventId);

/// <summary>A box as fractions of the snapshot from its top-left corner.</summary>
public sealed record VideoAlarmBoxDocument(double X, double Y, double W, double H);
