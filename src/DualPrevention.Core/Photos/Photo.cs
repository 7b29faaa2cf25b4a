using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Photos;

/// <summary>
/// A photo kept as evidence (JPEG or PNG, proven and re-encoded by <see cref="PhotoContent"/>). The bytes live in an
/// <see cref="IPhotoStore"/> under <see cref="StorageKey"/>; the row says whose it is, what it shows and how long it is kept.
/// </summary>
public sealed class Photo : ITenantOwned
{
    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    /// <summary>The inspection record the photo was taken for.</summary>
    public Guid? RecordId { get; private set; }

    /// <summary>The hidden danger the photo shows.</summary>
    public Guid? HiddenDangerId { get; private set; }

    /// <summary>What the photo shows: evidence of a finding, or the place before or after rectification.</summary>
    public PhotoKind Kind { get; private set; }

    /// <summary>Opaque key in the photo store.</summary>
    public string StorageKey { get; private set; } = "";

    /// <summary>image/jpeg or image/png, from the content, never from the upload's claim.</summary>
    public string ContentType { get; private set; } = "";

    /// <summary>Bytes.</summary>
    public long Size { get; private set; }

    /// <summary>UTC.</summary>
    public DateTimeOffset UploadedAt { get; private set; }

    public Guid? UploadedByUserId { get; private set; }

    /// <summary>
    /// UTC instant after which the clean-up job removes the photo and its bytes; null while something it is attached
    /// to keeps it. An upload waiting for its check expires after <see cref="PhotoLimits.UnattachedRetention"/>.
    /// </summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>A photo attached to its owner as it is stored (kept as long as the owner).</summary>
    public static Photo Create(Guid enterpriseId, string regionCode, StoredPhoto stored, Guid? uploadedBy, DateTimeOffset now) =>
        new()
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            StorageKey = stored.StorageKey,
            ContentType = stored.ContentType,
            Size = stored.Size,
            UploadedAt = now,
            UploadedByUserId = uploadedBy,
        };

    /// <summary>A photo uploaded ahead of what it will be attached to, removed at <paramref name="expiresAt"/> unless attached by then.</summary>
    public static Photo CreateUnattached(Guid enterpriseId, string regionCode, StoredPhoto stored, Guid uploadedBy, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        var photo = Create(enterpriseId, regionCode, stored, uploadedBy, now);
        photo.ExpiresAt = expiresAt;
        return photo;
    }

    public void AttachToRecord(Guid recordId)
    {
        RecordId = recordId;
        ExpiresAt = null;
    }

    /// <summary>Kept as the evidence an alarm was resolved with (the alarm holds the link, <c>evidence_photo_id</c>).</summary>
    public void AttachToAlarm() => ExpiresAt = null;

    public void AttachToHiddenDanger(Guid hiddenDangerId)
    {
        HiddenDangerId = hiddenDangerId;
        ExpiresAt = null;
    }

    /// <summary>Attaches the photo to a hidden danger as a before (finding) or after-rectification photo.</summary>
    public void AttachToHiddenDanger(Guid hiddenDangerId, PhotoKind kind)
    {
        AttachToHiddenDanger(hiddenDangerId);
        Kind = kind;
    }
}

/// <summary>What a <see cref="Photo"/> shows (exchange <c>dangerImg</c> / <c>dangerAcceptImg</c>).</summary>
public enum PhotoKind
{
    /// <summary>Taken when the defect was found (inspection, report): the "before" photo.</summary>
    Finding = 0,

    /// <summary>Taken after rectification, for acceptance.</summary>
    AfterRectification = 1,
}
