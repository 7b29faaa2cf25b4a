using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Photos;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// A staff member adds a photo to an open hidden danger: a finding (before) photo, or an after-rectification photo
/// that <see cref="SubmitRectification"/> requires. The store checks the content (JPEG or PNG, at most 10 MB).
/// </summary>
public static class UploadHiddenDangerPhoto
{
    /// <param name="Content">The image bytes, read once; the caller disposes it.</param>
    public sealed record Command(Guid Id, PhotoKind Kind, Stream Content);

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, IPhotoStore store, TimeProvider clock)
    {
        /// <summary>Returns the photo's id.</summary>
        /// <exception cref="ValidationException">The kind is no <see cref="PhotoKind"/>.</exception>
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">Closed, not the actor's, or the content is empty, too large or no JPEG/PNG; or someone saved a step on it meanwhile.</exception>
        public async Task<Guid> HandleAsync(Actor actor, Command command, CancellationToken cancellationToken)
        {
            if (!Enum.IsDefined(command.Kind))
            {
                throw new ValidationException([new ValidationFailure(nameof(Command.Kind), CoreText.Get("Photo.Kind.Invalid", command.Kind, string.Join(", ", Enum.GetNames<PhotoKind>())))]);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var situation = await HiddenDangerUnitOfWork.LoadForAsync(db, actor, command.Id, HiddenDangerAction.AddPhoto, cancellationToken);
            var hiddenDanger = situation.HiddenDanger;
            var stored = await store.SaveAsync(command.Content, cancellationToken);
            var photo = Photo.Create(hiddenDanger.EnterpriseId, hiddenDanger.RegionCode, stored, actor.Scope.UserId, clock.GetUtcNow());
            photo.AttachToHiddenDanger(hiddenDanger.Id, command.Kind);
            db.Photos.Add(photo);
            await HiddenDangerUnitOfWork.SaveAsync(db, cancellationToken);
            return photo.Id;
        }
    }
}
