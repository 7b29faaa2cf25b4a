using DualPrevention.Core.Alarms;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Tenancy;
using DualPrevention.Core.VideoAlarms;
using DualPrevention.Web.Hosting;
using DualPrevention.Web.Positioning;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Net.Http.Headers;
using Microsoft.OpenApi;

namespace DualPrevention.Web.VideoAlarms;

/// <summary>
/// <c>POST /api/v1/video-alarms</c>, the MQTT topic's twin (docs/video-intake.md#http, ADR 0046): an AI box or video
/// platform posts one alarm with its device credential (HTTP Basic, <see cref="DeviceAuthentication"/>, the fix batch
/// endpoint's rate limit per credential); the enterprise is the credential's, never the payload's. The snapshot comes as
/// base64 in the JSON or as the file <c>snapshot</c> of a multipart body beside the JSON in the field <c>alarm</c>. The
/// alarm goes through <see cref="IntakeVideoAlarm"/>; a refusal is counted and answered ProblemDetails in the request's
/// language naming the field, the reason and the limit: 403 for a camera of another enterprise, 413 for a request over
/// <see cref="VideoAlarmLimits.MaxRequestBytes"/>, 415 for a body of another type, 400 for every other.
/// </summary>
internal static class VideoAlarmEndpoints
{
    public const string Path = "/video-alarms";

    /// <summary>The multipart form field holding the JSON payload.</summary>
    public const string AlarmFormField = "alarm";

    private const string Json = "application/json";

    private const string Multipart = "multipart/form-data";

    private static readonly string[] Accepted = [Json, Multipart];

    public static RouteGroupBuilder MapVideoAlarmEndpoints(this RouteGroupBuilder api)
    {
        // Multipart bodies would demand an antiforgery token; a device's Basic credential is not sent by a browser cross-site.
        // The body's type is checked by the handler, not declared with Accepts: routing would answer another type with a
        // bare 415 endpoint that only the users' fallback policy guards, so a device would get 401 before learning the type.
        api.MapPost(Path, PostAsync)
            .WithName("PostVideoAlarm")
            .WithTags("Video alarm intake")
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = DeviceAuthentication.SchemeName })
            .RequireRateLimiting(FixBatchRateLimit.Name)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(VideoAlarmLimits.MaxRequestBytes))
            .WithDescription("One alarm as JSON, the snapshot as base64 in `snapshot`; or multipart/form-data with the JSON in the field `alarm` and the snapshot as the file `snapshot` (docs/video-intake.md#http).")
            .AddOpenApiOperationTransformer(DescribeBodyAsync)
            .Produces<VideoAlarmAnswer>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<IResult> PostAsync(HttpContext http, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var enterpriseId = DeviceAuthentication.EnterpriseOf(http.User);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScopeAccessor>().Current = TenantScope.System;
        var intake = scope.ServiceProvider.GetRequiredService<IntakeVideoAlarm.Handler>();
        var tooLarge = new VideoAlarmRefusal(VideoAlarmRejection.SnapshotTooLarge, VideoAlarmPayload.SnapshotField);

        if (http.Request.ContentLength > VideoAlarmLimits.MaxRequestBytes)
        {
            return Refused(await intake.RefuseAsync(enterpriseId, tooLarge, cancellationToken), StatusCodes.Status413PayloadTooLarge);
        }

        // No type at all is read as JSON, as the broker reads a message; a form or text body is no payload and says so.
        var type = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
        var multipart = string.Equals(type, Multipart, StringComparison.OrdinalIgnoreCase);
        if (type is not null && !multipart && !string.Equals(type, Json, StringComparison.OrdinalIgnoreCase))
        {
            await intake.RefuseAsync(enterpriseId, new(VideoAlarmRejection.Malformed, "body"), cancellationToken);
            var problem = new ProblemDetails
            {
                Title = CoreText.Get("VideoAlarm.UnsupportedType.Title"),
                Detail = CoreText.Get("VideoAlarm.UnsupportedType.Detail", type, Json, Multipart),
                Status = StatusCodes.Status415UnsupportedMediaType,
            };
            problem.Extensions["accepted"] = Accepted;
            return TypedResults.Problem(problem);
        }

        try
        {
            var result = multipart ? await TakeFormAsync(http, intake, enterpriseId, cancellationToken) : await TakeJsonAsync(http, intake, enterpriseId, cancellationToken);
            return result.Raised is { } raised
                ? (IResult)TypedResults.Ok(new VideoAlarmAnswer(raised.AlarmId, raised.OpenAlarmId, raised.Outcome, result.SnapshotPhotoId))
                : Refused(result, result.Refusal!.Reason == VideoAlarmRejection.OtherEnterprise ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest);
        }
        catch (BadHttpRequestException tooLong) when (tooLong.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body that grew past the server's limit while it was read.
            return Refused(await intake.RefuseAsync(enterpriseId, tooLarge, cancellationToken), StatusCodes.Status413PayloadTooLarge);
        }
    }

    private static async Task<IntakeVideoAlarm.Result> TakeFormAsync(HttpContext http, IntakeVideoAlarm.Handler intake, Guid enterpriseId, CancellationToken cancellationToken)
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
                return await intake.RefuseAsync(enterpriseId, new(VideoAlarmRejection.SnapshotTooLarge, VideoAlarmPayload.SnapshotField), cancellationToken);
            }
        }

        return await intake.HandleAsync(new IntakeVideoAlarm.Command(enterpriseId, message, snapshot), cancellationToken);
    }

    private static async Task<IntakeVideoAlarm.Result> TakeJsonAsync(HttpContext http, IntakeVideoAlarm.Handler intake, Guid enterpriseId, CancellationToken cancellationToken)
    {
        // A body over the limit is judged as the parser judges an oversized message: refused as a snapshot too large.
        var body = await LimitedBody.ReadAtMostAsync(http.Request.Body, http.Request.ContentLength, VideoAlarmLimits.MaxMessageBytes, cancellationToken);
        return body is null
            ? await intake.RefuseAsync(enterpriseId, new(VideoAlarmRejection.SnapshotTooLarge, VideoAlarmPayload.SnapshotField), cancellationToken)
            : await intake.HandleAsync(new IntakeVideoAlarm.Command(enterpriseId, body), cancellationToken);
    }

    /// <summary>A refusal in the request's language: the reason's meaning and limit under its field, the reason's name for machines.</summary>
    private static ProblemHttpResult Refused(IntakeVideoAlarm.Result result, int status)
    {
        var refusal = result.Refusal!;
        var field = refusal.Field ?? "body";
        var explanation = refusal.Explanation();
        var problem = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [explanation] })
        {
            Title = CoreText.Get("VideoAlarm.Refused.Title"),
            Detail = CoreText.Get("VideoAlarm.Refused.Detail", refusal.Reason, field, explanation),
            Status = status,
        };
        problem.Extensions["reason"] = refusal.Reason.ToString();
        return TypedResults.Problem(problem);
    }

    /// <summary>
    /// The two bodies the handler reads, declared here rather than with <c>Accepts</c> (see above): the payload as JSON, or
    /// a form of the payload's JSON in <c>alarm</c> and the snapshot as the binary file <c>snapshot</c>.
    /// </summary>
    private static async Task DescribeBodyAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var payload = await context.GetOrCreateSchemaAsync(typeof(VideoAlarmDocument), cancellationToken: cancellationToken);
        context.Document?.AddComponent(nameof(VideoAlarmDocument), payload);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [Json] = new() { Schema = new OpenApiSchemaReference(nameof(VideoAlarmDocument), context.Document) },
                [Multipart] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { AlarmFormField },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            [AlarmFormField] = new OpenApiSchema { Type = JsonSchemaType.String, Description = "The alarm's JSON payload, without `snapshot`." },
                            [VideoAlarmPayload.SnapshotField] = ApiDocument.Binary(),
                        },
                    },
                },
            },
        };
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
