using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// A staff member adds a photo to an open hidden danger: a finding (before) photo, or an after-rectification photo
/// that <see cref="SubmitRectification"/> requires. The photo is proven by decoding and re-encoded (<see cref="PhotoContent"/>).
/// </summary>
public static class UploadHiddenDangerPhoto
{
    /// <param name="Content">The image bytes, read once; the caller disposes it.</param>
    /// <param name="FileName">The file's name as the user chose it, quoted when the file is refused.</param>
    public sealed record Command(Guid Id, PhotoKind Kind, Stream Content, string? FileName);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IPhotoStore store, IOptions<PhotoLimits> limits, TimeProvider clock)
    {
        /// <summary>Returns the photo's id.</summary>
        /// <exception cref="ValidationException">The kind is no <see cref="PhotoKind"/>.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="QuotaExceededException">The actor uploaded the most photos one person may in 24 hours (<see cref="PhotoLimits.MaxPerUserPerDay"/>).</exception>
        /// <exception cref="DomainRuleException">Closed, not the actor's, or the file is not a photo that decodes (the message names it); or someone saved a step on it meanwhile.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            if (!Enum.IsDefined(command.Kind))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Kind), CoreText.Get("Photo.Kind.Invalid", command.Kind, string.Join(", ", Enum.GetNames<PhotoKind>())))]);
            }

            var userId = actor.Scope.UserId ?? throw new InvalidOperationException("A photo is uploaded by a person, not by the system.");
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.AddPhoto, cancellationToken);
            var hiddenDanger = situation.HiddenDanger;

            // Before the costly decode; checked again under the person's lock below (ADR 0021).
            await PhotoQuota.EnsureWithinDayAsync(db, userId, clock.GetUtcNow(), limits.Value, cancellationToken);
            var proven = await PhotoContent.ProveAsync(command.Content, command.FileName, limits.Value, cancellationToken);
            var stored = await store.SaveAsync(proven, cancellationToken);
            Photo photo;
            try
            {
                // Its own transaction, unless the caller's (the demo story's) is already open on this connection.
                await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
                await AdvisoryLocks.UserQuota(userId).TakeAsync(db, cancellationToken);
                var now = clock.GetUtcNow();
                await PhotoQuota.EnsureWithinDayAsync(db, userId, now, limits.Value, cancellationToken);
                photo = Photo.Create(hiddenDanger.EnterpriseId, hiddenDanger.RegionCode, stored, userId, now);
                photo.AttachToHiddenDanger(hiddenDanger.Id, command.Kind);
                db.Photos.Add(photo);
                await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
                if (transaction is not null)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
            }
            catch
            {
                await store.DeleteAsync(stored.StorageKey, CancellationToken.None);
                throw;
            }

            return photo.Id;
        }
    }
}
