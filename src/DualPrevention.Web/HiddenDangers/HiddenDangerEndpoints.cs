using System.Security.Claims;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using DualPrevention.Web.Hosting;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace DualPrevention.Web.HiddenDangers;

/// <summary>
/// The hidden-danger closed loop under <c>/api/v1/hidden-dangers</c> (docs/domain/dual-prevention.md#64-life-cycle):
/// detail, reports, every transition and photos. A refused transition or bad input answers 400 ProblemDetails; another
/// tenant's id answers 404.
/// </summary>
internal static class HiddenDangerEndpoints
{
    /// <summary>A 10 MB photo plus the multipart envelope.</summary>
    private const long UploadRequestLimitBytes = PhotoContent.MaxBytes + (512 * 1024);

    private const string PdfType = "application/pdf";

    public sealed record RegisterBody(MajorGrading? Grading);

    public sealed record ConfirmBody(HiddenDangerConfirmation Confirmation, Guid RectifierUserId);

    public sealed record ReasonBody(string Reason);

    public sealed record NoteBody(string Note);

    public sealed record CommentBody(string? Comment);

    public sealed record ExtensionBody(DateOnly RequestedDeadline, string Reason);

    public sealed record DecisionBody(bool Approve, string? Comment);

    public sealed record FixOnSpotBody(string Note, Guid RectifierUserId, string? Comment);

    /// <summary>Whether the saved remediation plan has all six parts a major hidden danger's plan needs.</summary>
    public sealed record PlanCompleteness(bool Complete);

    public static RouteGroupBuilder MapHiddenDangerEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/hidden-dangers").WithTags("Hidden dangers");
        group.MapGet("/{id:guid}", (ClaimsPrincipal user, Guid id, GetHiddenDanger.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(Actor.From(user), new GetHiddenDanger.Query(id), ct))
            .WithName("GetHiddenDanger")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/major-criteria", (ListMajorHiddenDangerCriteria.Handler handler, CancellationToken ct) => handler.HandleAsync(ct))
            .WithName("ListMajorHiddenDangerCriteria");
        group.MapPost("/", async (ClaimsPrincipal user, HiddenDangerReport report, ReportHiddenDanger.Handler handler, CancellationToken ct) =>
                Created(await handler.HandleAsync(Actor.From(user), new ReportHiddenDanger.Command(report), ct)))
            .WithName("ReportHiddenDanger")
            .ProducesValidationProblem();
        group.MapPost("/regulator-reports", async (ClaimsPrincipal user, ReportHiddenDangerAsRegulator.Command command, ReportHiddenDangerAsRegulator.Handler handler, CancellationToken ct) =>
                Created(await handler.HandleAsync(Actor.From(user), command, ct)))
            .WithName("ReportHiddenDangerAsRegulator")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/register", (ClaimsPrincipal user, Guid id, RegisterBody body, RegisterHiddenDanger.Handler handler, CancellationToken ct) =>
            Done(handler.HandleAsync(Actor.From(user), new(id, body.Grading), ct))).Transition("RegisterHiddenDanger");
        group.MapPost("/{id:guid}/confirm", (ClaimsPrincipal user, Guid id, ConfirmBody body, ConfirmHiddenDanger.Handler handler, CancellationToken ct) =>
            Done(handler.HandleAsync(Actor.From(user), new(id, body.Confirmation, body.RectifierUserId), ct))).Transition("ConfirmHiddenDanger");
        group.MapPost("/{id:guid}/invalidate", (ClaimsPrincipal user, Guid id, ReasonBody body, InvalidateHiddenDanger.Handler handler, CancellationToken ct) =>
            Done(handler.HandleAsync(Actor.From(user), new(id, body.Reason), ct))).Transition("InvalidateHiddenDanger");
        group.MapPost("/{id:guid}/rectification", (ClaimsPrincipal user, Guid id, NoteBody body, SubmitRectification.Handler handler, CancellationToken ct) =>
            Done(handler.HandleAsync(Actor.From(user), new(id, body.Note), ct))).Transition("SubmitRectification");
        group.MapPost("/{id:guid}/accept", (ClaimsPrincipal user, Guid id, CommentBody body, AcceptRectification.Handler handler, CancellationToken ct) =>
            Done(handler.HandleAsync(Actor.From(user), new(id, body.Comment), ct))).Transition("AcceptRectification");
        group.MapPost("/{id:guid}/reject-acceptance", (ClaimsPrincipal user, Guid id, CommentBody body, RejectAcceptance.Handler handler, CancellationToken ct) =>
            Done(handler.HandleAsync(Actor.From(user), new(id, body.Comment ?? ""), ct))).Transition("RejectAcceptance");
        group.MapPost("/{id:guid}/extension-requests", async (ClaimsPrincipal user, Guid id, ExtensionBody body, RequestDeadlineExtension.Handler handler, CancellationToken ct) =>
        {
            var requestId = await handler.HandleAsync(Actor.From(user), new(id, body.RequestedDeadline, body.Reason), ct);
            return TypedResults.Created($"/api/v1/hidden-dangers/{id}", new CreatedId(requestId));
        }).Transition("RequestDeadlineExtension");
        group.MapPost("/{id:guid}/extension-requests/{requestId:guid}/decision", (ClaimsPrincipal user, Guid id, Guid requestId, DecisionBody body, DecideDeadlineExtension.Handler handler, CancellationToken ct) =>
            Done(handler.HandleAsync(Actor.From(user), new(id, requestId, body.Approve, body.Comment), ct))).Transition("DecideDeadlineExtension");
        group.MapPost("/{id:guid}/fix-on-spot", (ClaimsPrincipal user, Guid id, FixOnSpotBody body, FixHiddenDangerOnSpot.Handler handler, CancellationToken ct) =>
            Done(handler.HandleAsync(Actor.From(user), new(id, body.Note, body.RectifierUserId, body.Comment), ct))).Transition("FixHiddenDangerOnSpot");
        group.MapPut("/{id:guid}/remediation-plan", async (ClaimsPrincipal user, Guid id, RemediationPlan plan, SaveRemediationPlan.Handler handler, CancellationToken ct) =>
            TypedResults.Ok(new PlanCompleteness(await handler.HandleAsync(Actor.From(user), new(id, plan), ct)))).Transition("SaveRemediationPlan");
        group.MapPost("/{id:guid}/workers-congress-report", (ClaimsPrincipal user, Guid id, RecordWorkersCongressReport.Handler handler, CancellationToken ct) =>
            Done(handler.HandleAsync(Actor.From(user), new(id), ct))).Transition("RecordWorkersCongressReport");
        group.MapPost("/{id:guid}/post", (ClaimsPrincipal user, Guid id, Posting posting, PostHiddenDanger.Handler handler, CancellationToken ct) =>
            Done(handler.HandleAsync(Actor.From(user), new(id, posting), ct))).Transition("PostHiddenDanger");
        group.MapPost("/{id:guid}/close-out", (ClaimsPrincipal user, Guid id, CloseOutHiddenDanger.Handler handler, CancellationToken ct) =>
            Done(handler.HandleAsync(Actor.From(user), new(id), ct))).Transition("CloseOutHiddenDanger");

        // Multipart bodies would demand an antiforgery token; bearer callers cannot be forged cross-site and the
        // cookie is SameSite=Lax, so a foreign page's POST carries no session.
        group.MapPost("/{id:guid}/photos", UploadAsync)
            .DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(UploadRequestLimitBytes))
            .Transition("UploadHiddenDangerPhoto");
        group.MapGet("/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, GetHiddenDangerPhoto.Handler handler, CancellationToken ct) =>
        {
            var photo = await handler.HandleAsync(new GetHiddenDangerPhoto.Query(id, photoId), ct);
            return TypedResults.Stream(photo.Content, photo.ContentType);
        }).WithName("GetHiddenDangerPhoto")
            .ProducesFile(PhotoContent.JpegType, PhotoContent.PngType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/rectification-notice.pdf", (ClaimsPrincipal user, Guid id, PrintHiddenDangerPaper.Handler handler, CancellationToken ct) =>
                PrintAsync(user, id, HiddenDangerPaperKind.RectificationNotice, handler, ct))
            .WithName("PrintRectificationNotice")
            .ProducesFile(PdfType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/acceptance-record.pdf", (ClaimsPrincipal user, Guid id, PrintHiddenDangerPaper.Handler handler, CancellationToken ct) =>
                PrintAsync(user, id, HiddenDangerPaperKind.AcceptanceRecord, handler, ct))
            .WithName("PrintAcceptanceRecord")
            .ProducesFile(PdfType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The paper as a PDF download named after it and the hidden danger.</summary>
    private static async Task<FileContentHttpResult> PrintAsync(ClaimsPrincipal user, Guid id, HiddenDangerPaperKind kind, PrintHiddenDangerPaper.Handler handler, CancellationToken cancellationToken)
    {
        var paper = await handler.HandleAsync(Actor.From(user), new PrintHiddenDangerPaper.Query(id, kind), cancellationToken);
        return TypedResults.File(paper.Content, PdfType, paper.FileName);
    }

    /// <summary>201 with the photo's id; kind is Finding (before, the default) or AfterRectification.</summary>
    /// <remarks>
    /// The kind is read as text, not bound as the enum: a failed binding would answer only that the request could not
    /// be read, without saying which field or which values.
    /// </remarks>
    private static async Task<Created<CreatedId>> UploadAsync(ClaimsPrincipal user, Guid id, IFormFile file, [FromForm] string? kind, UploadHiddenDangerPhoto.Handler handler, CancellationToken cancellationToken)
    {
        var photoKind = ParseKind(kind);
        await using var content = file.OpenReadStream();
        var photoId = await handler.HandleAsync(Actor.From(user), new UploadHiddenDangerPhoto.Command(id, photoKind, content, file.FileName), cancellationToken);
        return TypedResults.Created($"/api/v1/hidden-dangers/{id}/photos/{photoId}", new CreatedId(photoId));
    }

    /// <exception cref="ValidationException">The value names no kind (names only, any case; numbers are refused).</exception>
    private static PhotoKind ParseKind(string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            return PhotoKind.Finding;
        }

        return !char.IsAsciiDigit(kind.Trim()[0]) && Enum.TryParse<PhotoKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new ValidationException([new ValidationFailure("kind", CoreText.Get("Photo.Kind.Invalid", kind, string.Join(", ", Enum.GetNames<PhotoKind>())))]);
    }

    private static Created<CreatedId> Created(Guid id) => TypedResults.Created($"/api/v1/hidden-dangers/{id}", new CreatedId(id));

    private static async Task<NoContent> Done(Task transition)
    {
        await transition;
        return TypedResults.NoContent();
    }

    /// <summary>
    /// A step of one hidden danger's life cycle: 400 when its input or the life cycle refuses it, 404 when the id
    /// names nothing in the caller's scope.
    /// </summary>
    private static RouteHandlerBuilder Transition(this RouteHandlerBuilder endpoint, string name) =>
        endpoint.WithName(name).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
}
