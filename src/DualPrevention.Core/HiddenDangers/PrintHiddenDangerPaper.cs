using System.Globalization;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Papers;
using DualPrevention.Core.Photos;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The papers of one hidden danger (docs/domain/dual-prevention.md#63-the-hidden-danger-record): the 隐患整改通知书
/// once it is confirmed (rectifier and deadline known) and the 整改验收单 once it is accepted, with who found it, the
/// description, level, measures, rectifier, deadline, the acceptance and the photos before and after. Texts:
/// <c>HiddenDangerPaper.*</c> in this folder's Messages.resx, in the caller's language. Another tenant's hidden danger
/// is not found, as on its page.
/// </summary>
public static class PrintHiddenDangerPaper
{
    /// <summary>At most this many photos of each kind are printed, the earliest first.</summary>
    public const int MaxPhotosPerKind = 4;

    public sealed record Query(Guid Id, HiddenDangerPaperKind Kind);

    /// <summary>The papers that exist for the hidden danger now: the notice once confirmed (unless invalidated), the acceptance record once accepted.</summary>
    public static IReadOnlyList<HiddenDangerPaperKind> Printable(GetHiddenDanger.Detail d) =>
    [
        .. d.ConfirmedAt is not null && d.State != HiddenDangerState.Invalidated ? [HiddenDangerPaperKind.RectificationNotice] : Array.Empty<HiddenDangerPaperKind>(),
        .. d.AcceptedAt is not null ? [HiddenDangerPaperKind.AcceptanceRecord] : Array.Empty<HiddenDangerPaperKind>(),
    ];

    public sealed record PaperFile(byte[] Content, string FileName);

    public sealed class Handler(
        GetHiddenDanger.Handler details, IDbContextFactory<DualPreventionDbContext> dbFactory, IPhotoStore photos, TimeProvider clock)
    {
        /// <exception cref="NotFoundException">No such hidden danger in the actor's scope.</exception>
        /// <exception cref="DomainRuleException">The paper does not exist yet: not confirmed, or not accepted.</exception>
        public async Task<PaperFile> HandleAsync(Actor actor, Query query, CancellationToken cancellationToken)
        {
            var d = await details.HandleAsync(actor, new GetHiddenDanger.Query(query.Id), cancellationToken);
            if (!Printable(d).Contains(query.Kind))
            {
                throw new DomainRuleException(CoreText.Get($"HiddenDangerPaper.{query.Kind}.NotYet"));
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ledgerNo = await db.HiddenDangers.Where(h => h.Id == d.Id).Select(h => h.LedgerNo).FirstAsync(cancellationToken);
            var kinds = query.Kind == HiddenDangerPaperKind.RectificationNotice ? [PhotoKind.Finding] : new[] { PhotoKind.Finding, PhotoKind.AfterRectification };
            var printed = new List<PaperPhoto>();
            foreach (var kind in kinds)
            {
                var keys = await db.Photos.Where(p => p.HiddenDangerId == d.Id && p.Kind == kind).OrderBy(p => p.UploadedAt)
                    .Select(p => p.StorageKey).Take(MaxPhotosPerKind).ToListAsync(cancellationToken);
                foreach (var key in keys)
                {
                    await using var content = await photos.OpenReadAsync(key, cancellationToken);
                    using var copy = new MemoryStream();
                    await content.CopyToAsync(copy, cancellationToken);
                    printed.Add(new PaperPhoto(CoreText.Get($"HiddenDangerPaper.Photo.{kind}"), copy.ToArray()));
                }
            }

            var printedBy = actor.Scope.UserName ?? "";
            var paper = query.Kind == HiddenDangerPaperKind.RectificationNotice
                ? Notice(d, ledgerNo, printed, clock.GetUtcNow(), printedBy)
                : Acceptance(d, ledgerNo, printed, clock.GetUtcNow(), printedBy);
            var fileName = $"{CoreText.Get($"HiddenDangerPaper.{query.Kind}.Title")}-{d.Name}.pdf";
            return new PaperFile(PaperPdfWriter.Write(paper), fileName);
        }

        private static PaperDocument Notice(GetHiddenDanger.Detail d, string? ledgerNo, List<PaperPhoto> photos, DateTimeOffset now, string printedBy)
        {
            var confirmedBy = d.Timeline.LastOrDefault(e => e.Action is nameof(HiddenDangerAction.Confirm) or nameof(HiddenDangerAction.FixOnSpot))?.ByName;
            return new PaperDocument(
                T("RectificationNotice.Title"),
                Caption(d),
                [
                    .. Common(d, ledgerNo),
                    F("FoundBy", d.ReportedByName),
                    F("FoundAt", Time(d.ReportedAt)),
                    F("CauseAnalysis", d.CauseAnalysis),
                    F("Measures", d.RemediationMeasures),
                    F("Cost", d.CostTenThousandYuan?.ToString("0.####", CultureInfo.InvariantCulture)),
                    F("Rectifier", d.RectifierName),
                    F("Deadline", d.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ],
                CoreText.Get("HiddenDangerPaper.RectificationNotice.Note", d.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""),
                [
                    new PaperSignature(T("Signature.Notifier"), confirmedBy, d.ConfirmedAt is { } at ? Date(at) : null),
                    new PaperSignature(T("Signature.Recipient"), null, null),
                ],
                photos,
                now,
                printedBy);
        }

        private static PaperDocument Acceptance(GetHiddenDanger.Detail d, string? ledgerNo, List<PaperPhoto> photos, DateTimeOffset now, string printedBy) => new(
            T("AcceptanceRecord.Title"),
            Caption(d),
            [
                .. Common(d, ledgerNo),
                F("FoundBy", d.ReportedByName),
                F("Measures", d.RemediationMeasures),
                F("Rectifier", d.RectifierName),
                F("Deadline", d.Deadline?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                F("RectificationNote", d.RectificationNote),
                F("RectifiedAt", d.RectifiedAt is { } rectified ? Time(rectified) : null),
                F("Result", T(d.AcceptanceRejections == 0 ? "Result.Passed" : "Result.PassedAfterRejections", d.AcceptanceRejections)),
                F("AcceptanceComment", d.AcceptanceComment),
                F("Accepter", d.AccepterName),
                F("AcceptedAt", d.AcceptedAt is { } accepted ? Time(accepted) : null),
            ],
            null,
            [
                new PaperSignature(T("Signature.Rectifier"), d.RectifierName, d.RectifiedAt is { } at ? Date(at) : null),
                new PaperSignature(T("Signature.Accepter"), d.AccepterName, d.AcceptedAt is { } on ? Date(on) : null),
            ],
            photos,
            now,
            printedBy);

        // A historical ledger's own number stays beside the platform's, so the paper can be matched to the old ledger.
        private static IEnumerable<PaperField> Common(GetHiddenDanger.Detail d, string? ledgerNo) =>
        [
            F("Enterprise", d.EnterpriseName),
            .. ledgerNo is null ? Array.Empty<PaperField>() : [F("LedgerNo", ledgerNo)],
            F("Name", d.Name),
            F("Level", HiddenDangerNotice.Level(CultureInfo.CurrentUICulture, d.Level)),
            F("Location", d.Location),
            F("Description", d.Description),
        ];

        private static string Caption(GetHiddenDanger.Detail d) => CoreText.Get("HiddenDangerPaper.Caption", d.Number, d.EnterpriseName);

        private static PaperField F(string label, string? value) => new(T($"Field.{label}"), value);

        private static string T(string key, params object?[] args) => CoreText.Get($"HiddenDangerPaper.{key}", args);

        private static string Time(DateTimeOffset utc) => BusinessTime.ToLocal(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        private static string Date(DateTimeOffset utc) => BusinessTime.LocalDate(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }
}

/// <summary>The papers a hidden danger prints.</summary>
public enum HiddenDangerPaperKind
{
    /// <summary>隐患整改通知书: to the rectifier, once confirmed.</summary>
    RectificationNotice = 0,

    /// <summary>整改验收单: once accepted.</summary>
    AcceptanceRecord = 1,
}
