using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using DualPrevention.Web.Hosting;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DualPrevention.Web.Inspections;

/// <summary>
/// Inspection for phones and field apps under <c>/api/v1/inspections</c>, the contract the mobile pages use too:
/// my tasks, a unit's tasks, photo upload, record submission and photo viewing. Only the enterprise's people
/// inspect (others get 403); a foreign task, unit or photo answers 404.
/// </summary>
internal static class InspectionEndpoints
{
    /// <summary>A 10 MB photo plus the multipart envelope; larger bodies are cut off before they are read.</summary>
    public const long UploadRequestLimitBytes = PhotoContent.MaxBytes + (512 * 1024);

    private static readonly AuthorizationPolicy Inspectors = new AuthorizationPolicyBuilder().RequireRole([.. Roles.EnterpriseRoles]).Build();

    public static RouteGroupBuilder MapInspectionEndpoints(this RouteGroupBuilder api)
    {
        var inspections = api.MapGroup("/inspections").WithTags("Inspections");
        inspections.MapGet("/my-tasks", (ClaimsPrincipal user, ListMyTasks.Handler handler, CancellationToken ct) =>
            handler.HandleAsync(Actor.From(user), ct)).RequireAuthorization(Inspectors)
            .WithName("ListMyTasks");
        inspections.MapGet("/units/{unitId:guid}/tasks", (ClaimsPrincipal user, Guid unitId, ListUnitTasks.Handler handler, CancellationToken ct) =>
            handler.HandleAsync(Actor.From(user), new ListUnitTasks.Query(unitId), ct)).RequireAuthorization(Inspectors)
            .WithName("ListUnitTasks")
            .ProducesProblem(StatusCodes.Status404NotFound);

        // Multipart bodies would make ASP.NET Core demand an antiforgery token. Bearer callers cannot be forged
        // cross-site, and the cookie is SameSite=Lax, so a foreign page's POST carries no session.
        inspections.MapPost("/photos", UploadAsync)
            .RequireAuthorization(Inspectors)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadRequestLimitBytes))
            .WithName("UploadInspectionPhoto")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        inspections.MapGet("/photos/{id:guid}", async (Guid id, GetPhoto.Handler handler, CancellationToken ct) =>
        {
            var photo = await handler.HandleAsync(new GetPhoto.Query(id), ct);
            return TypedResults.Stream(photo.Content, photo.ContentType);
        }).WithName("GetInspectionPhoto")
            .ProducesFile(PhotoContent.JpegType, PhotoContent.PngType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        inspections.MapPost("/tasks/{taskId:guid}/records", SubmitAsync)
            .RequireAuthorization(Inspectors)
            .WithName("SubmitInspectionRecord")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>
    /// 201 with the photo's id; 400 ProblemDetails naming the file when it is empty, over 10 MB or does not decode as
    /// a JPEG, PNG or WebP photo; 429 with Retry-After when the inspector holds the most unattached photos.
    /// </summary>
    private static async Task<Created<UploadedPhoto>> UploadAsync(ClaimsPrincipal user, IFormFile file, UploadPhoto.Handler handler, CancellationToken cancellationToken)
    {
        await using var content = file.OpenReadStream();
        var id = await handler.HandleAsync(Actor.From(user), new UploadPhoto.Command(content, file.FileName), cancellationToken);
        return TypedResults.Created($"/api/v1/inspections/photos/{id}", new UploadedPhoto(id));
    }

    /// <summary>200 with the record (the same record again when the submission id was seen before).</summary>
    private static Task<SubmitInspectionRecord.Result> SubmitAsync(
        ClaimsPrincipal user, Guid taskId, InspectionRecordBody body, SubmitInspectionRecord.Handler handler, CancellationToken cancellationToken) =>
        handler.HandleAsync(Actor.From(user), body.ToCommand(taskId), cancellationToken);

    /// <summary>The stored photo's id, to list in a record's <c>photoIds</c>.</summary>
    public sealed record UploadedPhoto(Guid Id);

    /// <summary>
    /// A check as a field app sends it. <see cref="SubmissionId"/> is generated once per form and sent again on a
    /// retry; latitude and longitude are WGS-84 degrees and come together; accuracy is in metres. The enterprise
    /// administrator recording a window assigned to someone else gives <see cref="OnBehalfReason"/>.
    /// </summary>
    public sealed record InspectionRecordBody(
        Guid SubmissionId, InspectionResult? Result, string? Note, IReadOnlyList<Guid>? PhotoIds,
        double? Latitude, double? Longitude, double? Accuracy, string? DeviceImei, string? OnBehalfReason = null)
    {
        /// <exception cref="ValidationException">The result is missing, or only one coordinate is given.</exception>
        public SubmitInspectionRecord.Command ToCommand(Guid taskId)
        {
            if (Result is not { } result)
            {
                throw new ValidationException([new ValidationFailure("result", CoreText.Get("Request.Required", "result"))]);
            }

            if (Latitude.HasValue != Longitude.HasValue)
            {
                throw new ValidationException([new ValidationFailure("latitude", CoreText.Get("Inspection.Location.Incomplete"))]);
            }

            var location = Latitude is { } latitude && Longitude is { } longitude ? new GeoLocation(latitude, longitude, Accuracy) : null;
            return new SubmitInspectionRecord.Command(taskId, SubmissionId, result, Note, PhotoIds ?? [], location, RecordChannel.Api, DeviceImei, OnBehalfReason);
        }
    }
}
