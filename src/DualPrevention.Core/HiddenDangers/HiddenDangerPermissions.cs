using DualPrevention.Core.Accounts;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>A hidden danger as a permission check sees it: the row, its major case if any, and whether an extension request is pending.</summary>
public sealed record HiddenDangerSituation(HiddenDanger HiddenDanger, MajorHiddenDangerCase? Case, bool HasPendingExtension);

/// <summary>
/// Who may take which action (spec §11.2, §8.3). The enterprise's administrator and safety officers run the loop;
/// the reporter registers their own draft; the rectifier submits and asks for more time; the posting bureau decides
/// extensions of and closes out what it posted; otherwise the enterprise administrator (the principal's side)
/// closes out. The same rules answer the commands and the detail page's list of actions.
/// </summary>
public static class HiddenDangerPermissions
{
    /// <summary>The actions <paramref name="actor"/> may take now.</summary>
    public static IReadOnlyList<HiddenDangerAction> Allowed(Actor actor, HiddenDangerSituation situation) =>
        [.. Enum.GetValues<HiddenDangerAction>().Where(action => Refusal(actor, situation, action) is null)];

    /// <exception cref="DomainRuleException">The action is illegal in the current state or not the actor's to take.</exception>
    public static void Ensure(Actor actor, HiddenDangerSituation situation, HiddenDangerAction action)
    {
        if (Refusal(actor, situation, action) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }
    }

    /// <summary>Null when allowed, else the reason in the current UI culture.</summary>
    public static string? Refusal(Actor actor, HiddenDangerSituation situation, HiddenDangerAction action)
    {
        var hiddenDanger = situation.HiddenDanger;
        if (HiddenDangerWorkflow.Refusal(action, hiddenDanger.State, hiddenDanger.Level) is { } illegal)
        {
            return illegal;
        }

        var allowed = action switch
        {
            HiddenDangerAction.Register => IsManager(actor, hiddenDanger) || (IsMember(actor, hiddenDanger) && actor.Scope.UserId is { } id && id == hiddenDanger.ReportedByUserId),
            HiddenDangerAction.Confirm or HiddenDangerAction.Invalidate or HiddenDangerAction.FixOnSpot
                or HiddenDangerAction.SaveRemediationPlan or HiddenDangerAction.RecordWorkersCongressReport => IsManager(actor, hiddenDanger),
            HiddenDangerAction.SubmitRectification or HiddenDangerAction.RequestExtension => IsManager(actor, hiddenDanger) || IsRectifier(actor, hiddenDanger),
            HiddenDangerAction.Accept or HiddenDangerAction.RejectAcceptance => IsManager(actor, hiddenDanger) && !IsRectifier(actor, hiddenDanger),
            HiddenDangerAction.DecideExtension => situation.HasPendingExtension && (situation.Case is { IsPosted: true } posted
                ? IsPostingBureau(actor, hiddenDanger, posted.PostingLevel!.Value)
                : IsManager(actor, hiddenDanger)),
            HiddenDangerAction.Post => situation.Case is { IsPosted: false }
                && (IsPostingBureau(actor, hiddenDanger, PostingLevel.City) || IsPostingBureau(actor, hiddenDanger, PostingLevel.Province)),
            HiddenDangerAction.CloseOut => situation.Case is { IsPosted: true } posted
                ? IsPostingBureau(actor, hiddenDanger, posted.PostingLevel!.Value)
                : IsMember(actor, hiddenDanger) && actor.Is(Roles.EnterpriseAdmin),
            HiddenDangerAction.AddPhoto => IsMember(actor, hiddenDanger),
        };
        return allowed ? null : CoreText.Get("HiddenDanger.ActionNotAllowed", HiddenDangerWorkflow.ActionName(action));
    }

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

    private static bool IsMember(Actor actor, HiddenDanger hiddenDanger) =>
        actor.Scope.Kind == TenantScopeKind.Enterprise && actor.Scope.EnterpriseId == hiddenDanger.EnterpriseId;

    private static bool IsManager(Actor actor, HiddenDanger hiddenDanger) =>
        IsMember(actor, hiddenDanger) && (actor.Is(Roles.EnterpriseAdmin) || actor.Is(Roles.SafetyOfficer));

    private static bool IsRectifier(Actor actor, HiddenDanger hiddenDanger) =>
        IsMember(actor, hiddenDanger) && actor.Scope.UserId is { } id && id == hiddenDanger.RectifierUserId;
}
