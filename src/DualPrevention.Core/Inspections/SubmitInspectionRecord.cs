using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Localization;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.Inspections;

/// <summary>
/// An inspector submits the check of one window (docs/domain/dual-prevention.md#57-inspection-records,
/// docs/domain/dual-prevention.md#55-completion-and-missed-windows): the record is on time only inside the window and
/// then completes it; a late record is kept, flagged and completes nothing
/// (docs/domain/dual-prevention.md#55-completion-and-missed-windows). 存在隐患 opens a draft hidden-danger report linked to
/// the record, measure and unit, with the same photos
/// (docs/domain/dual-prevention.md#55-completion-and-missed-windows). The form's <see cref="Command.SubmissionId"/>
/// makes a repeated submission return the first record unchanged; the same id sent for another window is refused, so a
/// client reusing ids learns it instead of losing a check.
/// </summary>
public static class SubmitInspectionRecord
{
    /// <summary>Most photos one check may carry.</summary>
    public const int MaxPhotos = 9;

    /// <param name="SubmissionId">Chosen once per form (or per field-app submission); the idempotency key.</param>
    /// <param name="Result">正常, 存在隐患 or 其他; 未排查 is the platform's own.</param>
    /// <param name="PhotoIds">Unattached photos of the actor's enterprise from <see cref="UploadPhoto"/>.</param>
    /// <param name="Location">WGS-84, when the device allowed it.</param>
    /// <param name="DeviceImei">The field device's IMEI (exchange <c>mobileMe</c>); null from the browser.</param>
    /// <param name="OnBehalfReason">The enterprise administrator's reason for recording a window assigned to someone else.</param>
    public sealed record Command(
        Guid TaskId, Guid SubmissionId, InspectionResult Result, string? Note, IReadOnlyList<Guid> PhotoIds, GeoLocation? Location,
        RecordChannel Channel, string? DeviceImei, string? OnBehalfReason = null);

    /// <summary>The record, whether it came late, and the draft hidden-danger report it opened.</summary>
    public sealed record Result(Guid RecordId, bool IsLate, Guid? HiddenDangerId);

    /// <summary>Shape rules; the lengths are the record's columns.</summary>
    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.SubmissionId).NotEmpty();
            RuleFor(c => c.Result).IsInEnum().NotEqual(InspectionResult.NotInspected).WithMessage(_ => CoreText.Get("Inspection.Result.Invalid"));
            RuleFor(c => c.Note).MaximumLength(2000);
            RuleFor(c => c.PhotoIds).NotNull().Must(ids => ids.Count <= MaxPhotos).WithMessage(_ => CoreText.Get("Inspection.TooManyPhotos", MaxPhotos));
            RuleFor(c => c.Channel).IsInEnum().NotEqual(RecordChannel.System);
            RuleFor(c => c.DeviceImei).MaximumLength(20);
            RuleFor(c => c.OnBehalfReason).MaximumLength(200);
            RuleFor(c => c.Location!.Latitude).InclusiveBetween(-90, 90).When(c => c.Location is not null);
            RuleFor(c => c.Location!.Longitude).InclusiveBetween(-180, 180).When(c => c.Location is not null);
            RuleFor(c => c.Location!.AccuracyMetres).InclusiveBetween(0, GeoLocation.WorstAccuracyMetres).When(c => c.Location is not null);
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">A field is malformed.</exception>
        /// <exception cref="NotFoundException">No such window, or a photo that is not the actor's enterprise's or already used.</exception>
        /// <exception cref="DomainRuleException">The actor may not inspect, the window is suspended, cancelled or not started, or the submission id was used for another window.</exception>
        public async Task<Result> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            var (enterpriseId, userId) = InspectionPermissions.EnsureCanInspect(actor);
            await _validator.ValidateAndThrowAsync(command, cancellationToken);
            if (!string.IsNullOrWhiteSpace(command.OnBehalfReason) && !actor.Is(Roles.EnterpriseAdmin))
            {
                throw new ForbiddenException(CoreText.Get("Inspection.OnBehalfAdminOnly"));
            }

            try
            {
                return await SubmitAsync(enterpriseId, userId, actor.Scope.UserName ?? "", command, cancellationToken);
            }
            catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                // The same submission raced in for another window of the enterprise: the first one stands.
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                if (await ExistingAsync(db, enterpriseId, command, cancellationToken) is { } first)
                {
                    return first;
                }

                throw;
            }
        }

        private async Task<Result> SubmitAsync(Guid enterpriseId, Guid userId, string userName, Command command, CancellationToken cancellationToken)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // One round trip locks the window's row and reads all the check needs with it: its definition, the person and
            // a record already made with this submission id. The row lock serialises submissions for one window while a
            // shift's submissions queue on it; a double click that raced past the lock meets the unique submission id
            // and gets the first record (HandleAsync).
            var window = await (
                from t in db.InspectionTasks.FromSql($"SELECT * FROM inspection_task WHERE id = {command.TaskId} FOR UPDATE")
                join d in db.InspectionTaskDefinitions on t.DefinitionId equals d.Id
                where t.EnterpriseId == enterpriseId
                select new
                {
                    Task = t,
                    Definition = d,
                    Person = db.Users.Where(u => u.Id == userId).Select(u => new { u.DisplayName, u.Post }).FirstOrDefault(),
                    Existing = db.InspectionRecords
                        .Where(r => r.EnterpriseId == enterpriseId && r.SubmissionId == command.SubmissionId)
                        .Select(r => new { r.TaskId, Result = new Result(r.Id, r.IsLate, r.HiddenDangerId) })
                        .FirstOrDefault(),
                }).FirstOrDefaultAsync(cancellationToken);
            if (window is null)
            {
                // No such window here; the submission id may still name a record of another window.
                return await ExistingAsync(db, enterpriseId, command, cancellationToken)
                    ?? throw new NotFoundException(CoreText.Get("Inspection.TaskNotFound"));
            }

            if (window.Existing is { } existing)
            {
                return existing.TaskId == command.TaskId ? existing.Result : throw new DomainRuleException(CoreText.Get("Inspection.SubmissionReused"));
            }

            var (task, definition, person) = (window.Task, window.Definition, window.Person);
            var now = clock.GetUtcNow();
            EnsureCheckable(task, now);
            EnsureAssignee(task, userId, person?.Post, command.OnBehalfReason);
            var name = person?.DisplayName;
            var check = new InspectionCheck(command.SubmissionId, command.Result, command.Note, command.Location, command.Channel, command.DeviceImei, command.OnBehalfReason);
            var record = InspectionRecord.Create(task, definition, check, new InspectionInspector(userId, string.IsNullOrWhiteSpace(name) ? userName : name), now);
            db.InspectionRecords.Add(record);
            if (!record.IsLate && task.Status != InspectionTaskStatus.Completed)
            {
                task.Complete(record.Id);
            }

            HiddenDanger? draft = null;
            if (record.Result == InspectionResult.HiddenDangerFound)
            {
                draft = HiddenDanger.DraftFromRecord(record, definition, now);
                db.HiddenDangers.Add(draft);
                record.OpenedHiddenDanger(draft.Id);
            }

            await AttachPhotosAsync(db, enterpriseId, command.PhotoIds, record.Id, draft?.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(record.Id, record.IsLate, draft?.Id);
        }

        private static void EnsureCheckable(InspectionTask task, DateTimeOffset now)
        {
            var refusal = task.Status switch
            {
                InspectionTaskStatus.Suspended => "Inspection.Suspended",
                InspectionTaskStatus.Cancelled => "Inspection.Cancelled",
                _ when now < task.WindowStart => "Inspection.NotStarted",
                _ => null,
            };
            if (refusal is not null)
            {
                throw new DomainRuleException(CoreText.Get(refusal));
            }
        }

        /// <summary>
        /// 包保 and other assigned windows are their assignee's own duty (docs/domain/dual-prevention.md#510-accountability-tasks):
        /// the person named, or a holder of the post named; the enterprise administrator may record for them with a
        /// reason, kept on the record and in the audit trail (ADR 0016). An unassigned window is anyone's.
        /// </summary>
        private static void EnsureAssignee(InspectionTask task, Guid userId, string? post, string? onBehalfReason)
        {
            var assignee = task.AssigneeUserId is { } person ? person == userId
                : task.AssigneePost is not { } assignedPost || string.Equals(assignedPost, post?.Trim(), StringComparison.Ordinal);
            if (!assignee && string.IsNullOrWhiteSpace(onBehalfReason))
            {
                throw new ForbiddenException(CoreText.Get("Inspection.NotAssignee"));
            }
        }

        private static async Task AttachPhotosAsync(
            DualPreventionDbContext db, Guid enterpriseId, IReadOnlyList<Guid> photoIds, Guid recordId, Guid? hiddenDangerId, CancellationToken cancellationToken)
        {
            var ids = photoIds.Distinct().ToList();
            if (ids.Count == 0)
            {
                return;
            }

            var photos = await db.Photos
                .Where(p => ids.Contains(p.Id) && p.EnterpriseId == enterpriseId && p.RecordId == null && p.HiddenDangerId == null)
                .ToListAsync(cancellationToken);
            if (photos.Count != ids.Count)
            {
                throw new NotFoundException(CoreText.Get("Photo.NotFound"));
            }

            foreach (var photo in photos)
            {
                photo.AttachToRecord(recordId);
                if (hiddenDangerId is { } id)
                {
                    photo.AttachToHiddenDanger(id);
                }
            }
        }

        /// <exception cref="DomainRuleException">The submission id was used for another window.</exception>
        private static async Task<Result?> ExistingAsync(DualPreventionDbContext db, Guid enterpriseId, Command command, CancellationToken cancellationToken)
        {
            var first = await db.InspectionRecords.AsNoTracking()
                .Where(r => r.EnterpriseId == enterpriseId && r.SubmissionId == command.SubmissionId)
                .Select(r => new { r.TaskId, Result = new Result(r.Id, r.IsLate, r.HiddenDangerId) })
                .FirstOrDefaultAsync(cancellationToken);
            return first is null ? null
                : first.TaskId == command.TaskId ? first.Result
                : throw new DomainRuleException(CoreText.Get("Inspection.SubmissionReused"));
        }
    }
}
