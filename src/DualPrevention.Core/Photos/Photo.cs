using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Photos;

/// <summary>
/// A photo kept as evidence (JPEG or PNG, at most <see cref="PhotoContent.MaxBytes"/>). The bytes live in an
/// <see cref="IPhotoStore"/> under <see cref="StorageKey"/>; the row says whose it is and what it shows.
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

    public void AttachToRecord(Guid recordId) => RecordId = recordId;

    public void AttachToHiddenDanger(Guid hiddenDangerId) => HiddenDangerId = hiddenDangerId;

    /// <summary>Attaches the photo to a hidden danger as a before (finding) or after-rectification photo.</summary>
    public void AttachToHiddenDanger(Guid hiddenDangerId, PhotoKind kind)
    {
        HiddenDangerId = hiddenDangerId;
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
