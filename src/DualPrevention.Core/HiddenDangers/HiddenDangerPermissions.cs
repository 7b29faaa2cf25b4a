using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// A hidden danger as a permission check sees it: the row, its major case if any, whether an extension request is
/// pending, and who submitted the rectification now pending acceptance (null in other states).
/// </summary>
public sealed record HiddenDangerSituation(HiddenDanger HiddenDanger, MajorHiddenDangerCase? Case, bool HasPendingExtension, HiddenDangerPerson? Submitter);

/// <summary>
/// Who may take which action (docs/domain/dual-prevention.md#64-life-cycle, docs/domain/dual-prevention.md#74-posting).
/// The enterprise's administrator and safety officers run the loop; the reporter registers their own draft; the
/// rectifier submits and asks for more time; an administrator or safety officer who is neither the rectifier nor the
/// submitter judges a rectification; the posting bureau decides extensions of and closes out what it posted; otherwise
/// the enterprise administrator (the principal's side) closes out. The same rules answer the commands and the detail
/// page's list of actions.
/// </summary>
public static class HiddenDangerPermissions
{
    /// <summary>The actions <paramref name="actor"/> may take now.</summary>
    public static IReadOnlyList<HiddenDangerAction> Allowed(Actor actor, HiddenDangerSituation situation) =>
        [.. Enum.GetValues<HiddenDangerAction>().Where(action => Refusal(actor, situation, action) is null)];

    /// <exception cref="DomainRuleException">The action is illegal in the current state.</exception>
    /// <exception cref="ForbiddenException">The action is not the actor's to take.</exception>
    public static void Ensure(Actor actor, HiddenDangerSituation situation, HiddenDangerAction action)
    {
        if (Refusal(actor, situation, action) is { } refusal)
        {
            throw refusal == NotAllowed(action) ? new ForbiddenException(refusal) : new DomainRuleException(refusal);
        }
    }

    /// <summary>
    /// Null when allowed, else the real reason in the current UI culture: the state or grade, the accepter rule, an
    /// extension request pending or missing, a posting already made or owned by its bureau, and only otherwise "no
    /// permission".
    /// </summary>
    public static string? Refusal(Actor actor, HiddenDangerSituation situation, HiddenDangerAction action)
    {
        var hiddenDanger = situation.HiddenDanger;
        if (HiddenDangerWorkflow.Refusal(action, hiddenDanger.State, hiddenDanger.Level) is { } illegal)
        {
            return illegal;
        }

        return action switch
        {
            HiddenDangerAction.Register => NotAllowedUnless(
                IsManager(actor, hiddenDanger) || (IsMember(actor, hiddenDanger) && actor.Scope.UserId is { } id && id == hiddenDanger.ReportedByUserId), action),
            HiddenDangerAction.Confirm or HiddenDangerAction.Invalidate or HiddenDangerAction.FixOnSpot
                or HiddenDangerAction.SaveRemediationPlan or HiddenDangerAction.RecordWorkersCongressReport => NotAllowedUnless(IsManager(actor, hiddenDanger), action),
            HiddenDangerAction.SubmitRectification => NotAllowedUnless(IsManager(actor, hiddenDanger) || IsRectifier(actor, hiddenDanger), action),
            HiddenDangerAction.RequestExtension => !(IsManager(actor, hiddenDanger) || IsRectifier(actor, hiddenDanger)) ? NotAllowed(action)
                : situation.HasPendingExtension ? CoreText.Get("HiddenDanger.ExtensionPending")
                : null,

            // docs/domain/dual-prevention.md#66-who-accepts: the accepter is neither the assigned rectifier nor whoever
            // submitted the rectification.
            HiddenDangerAction.Accept or HiddenDangerAction.RejectAcceptance => IsManager(actor, hiddenDanger) ? JudgingRefusal(actor, situation) : NotAllowed(action),
            HiddenDangerAction.DecideExtension => DecideExtensionRefusal(actor, situation),
            HiddenDangerAction.Post => PostRefusal(actor, situation),
            HiddenDangerAction.CloseOut => CloseOutRefusal(actor, situation),
            HiddenDangerAction.AddPhoto => NotAllowedUnless(IsMember(actor, hiddenDanger), action),
        };
    }

    /// <summary>
    /// Why <paramref name="actor"/>, who would judge the rectification pending acceptance as the enterprise's
    /// administrator or safety officer, may not: they are its rectifier or submitted it. Null in any other case.
    /// </summary>
    public static string? JudgingRefusal(Actor actor, HiddenDangerSituation situation) =>
        situation.HiddenDanger.State == HiddenDangerState.PendingAcceptance && IsManager(actor, situation.HiddenDanger)
            ? situation.HiddenDanger.AccepterRefusal(Person(actor, null), situation.Submitter)
            : null;

    /// <summary>
    /// Whether <paramref name="actor"/> speaks for a bureau at <paramref name="level"/> over the enterprise: a city
    /// reviewer of its own city, or province staff. Counties have no accounts yet, so a county posting is the city's.
    /// </summary>
    public static bool IsPostingBureau(Actor actor, HiddenDanger hiddenDanger, PostingLevel level) =>
        actor.Scope is { Kind: TenantScopeKind.Region, RegionCode: { } region }
        && actor.Scope.CoversRegion(hiddenDanger.RegionCode)
        && level switch
        {
            PostingLevel.County or PostingLevel.City => actor.Is(Roles.CityReviewer) && RegionCodes.LevelOf(region) == RegionLevel.City,
            PostingLevel.Province => actor.Is(Roles.ProvinceStaff) && RegionCodes.LevelOf(region) == RegionLevel.Province,
        };

    /// <summary>The person an actor signs as; the name is the account's user name when no display name is at hand.</summary>
    public static HiddenDangerPerson Person(Actor actor, string? displayName) =>
        new(actor.Scope.UserId, string.IsNullOrWhiteSpace(displayName) ? actor.Scope.UserName ?? "" : displayName);

    /// <summary>docs/domain/dual-prevention.md#67-deadlines-and-extensions: the bureau that posted a major hidden danger decides its extensions; otherwise the enterprise does.</summary>
    private static string? DecideExtensionRefusal(Actor actor, HiddenDangerSituation situation)
    {
        if (!situation.HasPendingExtension)
        {
            return CoreText.Get("HiddenDanger.NoPendingExtension");
        }

        if (situation.Case is { IsPosted: true } posted)
        {
            return IsPostingBureau(actor, situation.HiddenDanger, posted.PostingLevel!.Value) ? null : CoreText.Get("HiddenDanger.PostedExtensionByBureau");
        }

        return NotAllowedUnless(IsManager(actor, situation.HiddenDanger), HiddenDangerAction.DecideExtension);
    }

    /// <summary>A case is posted once, by a city reviewer or province staff over the enterprise.</summary>
    private static string? PostRefusal(Actor actor, HiddenDangerSituation situation)
    {
        if (situation.Case is { IsPosted: true })
        {
            return CoreText.Get("HiddenDanger.AlreadyPosted");
        }

        var hiddenDanger = situation.HiddenDanger;
        return NotAllowedUnless(
            situation.Case is not null
                && (IsPostingBureau(actor, hiddenDanger, PostingLevel.City) || IsPostingBureau(actor, hiddenDanger, PostingLevel.Province)),
            HiddenDangerAction.Post);
    }

    /// <summary>销号 (docs/domain/dual-prevention.md#75-close-out-and-resumption): by the posting bureau when posted, else by the enterprise's principal side (its administrator).</summary>
    private static string? CloseOutRefusal(Actor actor, HiddenDangerSituation situation)
    {
        if (situation.Case is { IsPosted: true } posted)
        {
            return IsPostingBureau(actor, situation.HiddenDanger, posted.PostingLevel!.Value) ? null : CoreText.Get("HiddenDanger.PostedCloseOutByBureau");
        }

        return IsMember(actor, situation.HiddenDanger) && actor.Is(Roles.EnterpriseAdmin) ? null : CoreText.Get("HiddenDanger.CloseOutByPrincipal");
    }

    private static string? NotAllowedUnless(bool allowed, HiddenDangerAction action) => allowed ? null : NotAllowed(action);

    private static string NotAllowed(HiddenDangerAction action) => CoreText.Get("HiddenDanger.ActionNotAllowed", HiddenDangerWorkflow.ActionName(action));

    private static bool IsMember(Actor actor, HiddenDanger hiddenDanger) =>
        actor.Scope.Kind == TenantScopeKind.Enterprise && actor.Scope.EnterpriseId == hiddenDanger.EnterpriseId;

    private static bool IsManager(Actor actor, HiddenDanger hiddenDanger) =>
        IsMember(actor, hiddenDanger) && (actor.Is(Roles.EnterpriseAdmin) || actor.Is(Roles.SafetyOfficer));

    private static bool IsRectifier(Actor actor, HiddenDanger hiddenDanger) =>
        IsMember(actor, hiddenDanger) && actor.Scope.UserId is { } id && id == hiddenDanger.RectifierUserId;
}
