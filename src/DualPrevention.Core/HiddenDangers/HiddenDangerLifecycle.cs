using DualPrevention.Core.Localization;

namespace DualPrevention.Core.HiddenDangers;

/// <summary>
/// The transitions of docs/domain/dual-prevention.md#64-life-cycle. Each one refuses an illegal start state through
/// <see cref="HiddenDangerWorkflow"/> and returns the timeline entry the caller saves with it; overdue is never a state
/// (<see cref="IsOverdueOn"/>).
/// </summary>
public sealed partial class HiddenDanger
{
    /// <summary>
    /// A report that skips the draft: a staff member's own report, or a regulator's finding (then
    /// <paramref name="enforcementId"/> names the inspection). It starts pending confirmation.
    /// </summary>
    /// <exception cref="DomainRuleException">A major one without criteria or reason.</exception>
    public static (HiddenDanger HiddenDanger, HiddenDangerHistoryEntry Entry) Report(
        Guid enterpriseId, string regionCode, HiddenDangerReport report, HiddenDangerOrigin origin, string? enforcementId, HiddenDangerPerson reporter, DateTimeOffset now)
    {
        var hiddenDanger = new HiddenDanger
        {
            State = HiddenDangerState.PendingConfirmation,
            Name = report.Name.Trim(),
            Description = report.Description.Trim(),
            Source = report.Source,
            Location = Blank(report.Location),
            Category = report.Category,
            Origin = origin,
            EnforcementId = Blank(enforcementId),
            ReportedAt = now,
            ReportedByUserId = reporter.UserId,
            ReportedByName = reporter.Name,
            RegisteredAt = now,
        };
        hiddenDanger.Own(Guid.CreateVersion7(), enterpriseId, regionCode, now);
        hiddenDanger.Grade(report.Level, report.Grading);
        return (hiddenDanger, hiddenDanger.Entry(HiddenDangerAction.Register, null, reporter, null, now));
    }

    /// <summary>Draft → pending confirmation. A major draft needs its criteria or reason now (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria).</summary>
    /// <exception cref="DomainRuleException">Not a draft, or a major one without criteria or reason.</exception>
    public HiddenDangerHistoryEntry Register(MajorGrading? grading, HiddenDangerPerson by, DateTimeOffset now)
    {
        var from = Begin(HiddenDangerAction.Register);
        Grade(Level, grading ?? CurrentGrading());
        RegisteredAt = now;
        return Move(HiddenDangerState.PendingConfirmation, HiddenDangerAction.Register, from, by, null, now);
    }

    /// <summary>
    /// Days after confirmation the first deadline may lie at most: the ceiling of one year (the Qingdao rule,
    /// docs/domain/dual-prevention.md#67-deadlines-and-extensions); a later date needs an approved extension, so no
    /// deadline set far ahead keeps an item off the escalation ladder.
    /// </summary>
    public const int MaxDeadlineDays = 365;

    /// <summary>Pending confirmation → rectifying, by deadline (限期整改).</summary>
    /// <exception cref="DomainRuleException">Wrong state, a deadline before <paramref name="today"/> or more than <see cref="MaxDeadlineDays"/> after it, or a major one without criteria or reason.</exception>
    public HiddenDangerHistoryEntry Confirm(HiddenDangerConfirmation confirmation, HiddenDangerPerson rectifier, DateOnly today, HiddenDangerPerson by, DateTimeOffset now)
    {
        var from = Begin(HiddenDangerAction.Confirm);
        if (confirmation.Deadline < today)
        {
            throw new DomainRuleException(CoreText.Get("HiddenDanger.DeadlinePast"));
        }

        if (confirmation.Deadline > today.AddDays(MaxDeadlineDays))
        {
            throw new DomainRuleException(CoreText.Get("HiddenDanger.DeadlineTooFar", MaxDeadlineDays));
        }

        Grade(confirmation.Level, confirmation.Grading ?? CurrentGrading());
        Category = confirmation.Category;
        ManagementClass = confirmation.ManagementClass;
        OccurrenceStage = confirmation.OccurrenceStage;
        CauseAnalysis = Blank(confirmation.CauseAnalysis);
        RemediationMeasures = Blank(confirmation.RemediationMeasures);
        CostTenThousandYuan = confirmation.CostTenThousandYuan;
        RemediationType = HiddenDangers.RemediationType.FixByDeadline;
        Deadline = confirmation.Deadline;
        RectifierUserId = rectifier.UserId;
        RectifierName = rectifier.Name;
        ConfirmedAt = now;
        return Move(HiddenDangerState.Rectifying, HiddenDangerAction.Confirm, from, by, null, now);
    }

    /// <summary>Pending confirmation → invalidated (作废), with the reason.</summary>
    public HiddenDangerHistoryEntry Invalidate(string reason, HiddenDangerPerson by, DateTimeOffset now)
    {
        var from = Begin(HiddenDangerAction.Invalidate);
        InvalidationReason = Required(reason);
        return Move(HiddenDangerState.Invalidated, HiddenDangerAction.Invalidate, from, by, InvalidationReason, now);
    }

    /// <summary>
    /// Rectifying → pending acceptance: what was done and at least one after-photo; a major one needs its complete
    /// six-part plan first (docs/domain/dual-prevention.md#72-the-remediation-plan).
    /// </summary>
    public HiddenDangerHistoryEntry SubmitRectification(string note, int afterPhotos, MajorHiddenDangerCase? majorCase, HiddenDangerPerson by, DateTimeOffset now)
    {
        var from = Begin(HiddenDangerAction.SubmitRectification);
        if (afterPhotos < 1)
        {
            throw new DomainRuleException(CoreText.Get("HiddenDanger.AfterPhotoRequired"));
        }

        if (Level == HiddenDangerLevel.Major && majorCase?.HasCompletePlan != true)
        {
            throw new DomainRuleException(CoreText.Get("HiddenDanger.PlanRequired"));
        }

        RectificationNote = Required(note);
        RectifiedAt = now;
        return Move(HiddenDangerState.PendingAcceptance, HiddenDangerAction.SubmitRectification, from, by, RectificationNote, now);
    }

    /// <summary>
    /// Pending acceptance → accepted. A major one stays open for close-out
    /// (docs/domain/dual-prevention.md#75-close-out-and-resumption). <paramref name="submitter"/> is who submitted the
    /// rectification being accepted (its timeline entry), null when unknown.
    /// </summary>
    /// <exception cref="DomainRuleException">Wrong state, or the accepter is the rectifier or the submitter.</exception>
    public HiddenDangerHistoryEntry Accept(string? comment, HiddenDangerPerson accepter, HiddenDangerPerson? submitter, DateTimeOffset now)
    {
        var from = Begin(HiddenDangerAction.Accept);
        EnsureNotRectifier(accepter, submitter);
        SignAcceptance(accepter, comment, now);
        return Move(HiddenDangerState.Accepted, HiddenDangerAction.Accept, from, accepter, AcceptanceComment, now);
    }

    /// <summary>
    /// Pending acceptance → rectifying again (验收不通过), counted; the comment says what is missing. Judged, like
    /// acceptance, by neither the rectifier nor <paramref name="submitter"/>.
    /// </summary>
    /// <exception cref="DomainRuleException">Wrong state, or the judge is the rectifier or the submitter.</exception>
    public HiddenDangerHistoryEntry RejectAcceptance(string comment, HiddenDangerPerson by, HiddenDangerPerson? submitter, DateTimeOffset now)
    {
        var from = Begin(HiddenDangerAction.RejectAcceptance);
        EnsureNotRectifier(by, submitter);
        AcceptanceComment = Required(comment);
        AcceptanceRejections++;
        return Move(HiddenDangerState.Rectifying, HiddenDangerAction.RejectAcceptance, from, by, AcceptanceComment, now);
    }

    /// <summary>
    /// 即查即改 (docs/domain/dual-prevention.md#65-fixing-on-the-spot): a draft or a new report is fixed where it was found
    /// and the accepter signs at once. The after-photo is optional; the accepter must not be the rectifier.
    /// </summary>
    public HiddenDangerHistoryEntry FixOnSpot(string note, HiddenDangerPerson rectifier, HiddenDangerPerson accepter, string? comment, DateTimeOffset now)
    {
        var from = Begin(HiddenDangerAction.FixOnSpot);
        if (SamePerson(accepter, rectifier.UserId, rectifier.Name))
        {
            throw new DomainRuleException(CoreText.Get("HiddenDanger.AccepterIsRectifier"));
        }

        RemediationType = HiddenDangers.RemediationType.FixOnSpot;
        RectifierUserId = rectifier.UserId;
        RectifierName = rectifier.Name;
        RectificationNote = Required(note);
        RegisteredAt ??= now;
        ConfirmedAt = now;
        RectifiedAt = now;
        SignAcceptance(accepter, comment, now);
        return Move(HiddenDangerState.Accepted, HiddenDangerAction.FixOnSpot, from, accepter, RectificationNote, now);
    }

    /// <summary>Rectifying: asks for a later deadline; the deadline moves only when approved.</summary>
    /// <exception cref="DomainRuleException">Wrong state, a request is already pending, or the date is not after the deadline.</exception>
    public (DeadlineExtensionRequest Request, HiddenDangerHistoryEntry Entry) RequestExtension(
        DateOnly requestedDeadline, string reason, bool hasPendingRequest, HiddenDangerPerson by, DateTimeOffset now)
    {
        var from = Begin(HiddenDangerAction.RequestExtension);
        if (hasPendingRequest)
        {
            throw new DomainRuleException(CoreText.Get("HiddenDanger.ExtensionPending"));
        }

        if (Deadline is not { } deadline || requestedDeadline <= deadline)
        {
            throw new DomainRuleException(CoreText.Get("HiddenDanger.ExtensionNotLater"));
        }

        var request = DeadlineExtensionRequest.Open(this, deadline, requestedDeadline, Required(reason), by, now);
        UpdatedAt = now;
        return (request, Move(State, HiddenDangerAction.RequestExtension, from, by, $"{deadline:yyyy-MM-dd} → {requestedDeadline:yyyy-MM-dd}: {request.Reason}", now));
    }

    /// <summary>Rectifying: approves (the deadline moves) or rejects (it stays) a pending request; the request stays as history.</summary>
    public HiddenDangerHistoryEntry DecideExtension(DeadlineExtensionRequest request, bool approve, string? comment, HiddenDangerPerson by, DateTimeOffset now)
    {
        var from = Begin(HiddenDangerAction.DecideExtension);
        request.Decide(approve, Blank(comment), by, now);
        if (approve)
        {
            Deadline = request.RequestedDeadline;
        }

        UpdatedAt = now;
        return Move(State, HiddenDangerAction.DecideExtension, from, by, request.DecisionComment, now);
    }

    /// <summary>Timeline entry of a step on a major hidden danger's case (plan, congress report, posting); the state does not change.</summary>
    public HiddenDangerHistoryEntry RecordCaseStep(HiddenDangerAction action, HiddenDangerPerson by, string? comment, DateTimeOffset now)
    {
        var from = Begin(action);
        UpdatedAt = now;
        return Move(State, action, from, by, comment, now);
    }

    /// <summary>Accepted → closed out (销号), major only; who may do it is decided by <see cref="HiddenDangerPermissions"/>.</summary>
    public HiddenDangerHistoryEntry CloseOut(HiddenDangerPerson by, DateTimeOffset now)
    {
        var from = Begin(HiddenDangerAction.CloseOut);
        ClosedOutAt = now;
        ClosedOutByName = by.Name;
        return Move(HiddenDangerState.ClosedOut, HiddenDangerAction.CloseOut, from, by, null, now);
    }

    /// <summary>
    /// Whether two people are the same: by account when both have one, else by name, so an imported or typed name
    /// cannot slip past (docs/domain/dual-prevention.md#66-who-accepts: the accepter differs from the rectifier).
    /// </summary>
    public static bool SamePerson(HiddenDangerPerson person, Guid? otherUserId, string? otherName) =>
        person.UserId is { } id && otherUserId is { } other
            ? id == other
            : string.Equals(person.Name.Trim(), otherName?.Trim(), StringComparison.Ordinal);

    /// <summary>The accepter's refusal when <paramref name="accepter"/> is the rectifier or whoever submitted the rectification, else null.</summary>
    public string? AccepterRefusal(HiddenDangerPerson accepter, HiddenDangerPerson? submitter) =>
        SamePerson(accepter, RectifierUserId, RectifierName) ? CoreText.Get("HiddenDanger.AccepterIsRectifier")
        : submitter is not null && SamePerson(accepter, submitter.UserId, submitter.Name) ? CoreText.Get("HiddenDanger.AccepterIsSubmitter")
        : null;

    private void EnsureNotRectifier(HiddenDangerPerson accepter, HiddenDangerPerson? submitter)
    {
        if (AccepterRefusal(accepter, submitter) is { } refusal)
        {
            throw new DomainRuleException(refusal);
        }
    }

    private static string Required(string? text) =>
        Blank(text) ?? throw new DomainRuleException(CoreText.Get("HiddenDanger.TextRequired"));

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private HiddenDangerState Begin(HiddenDangerAction action)
    {
        HiddenDangerWorkflow.Ensure(action, State, Level);
        return State;
    }

    private void SignAcceptance(HiddenDangerPerson accepter, string? comment, DateTimeOffset now)
    {
        AccepterUserId = accepter.UserId;
        AccepterName = accepter.Name;
        AcceptedAt = now;
        AcceptanceComment = Blank(comment);
    }

    private MajorGrading? CurrentGrading() =>
        MajorCriterionNos.Length > 0 || MajorReason is not null
            ? new MajorGrading(MajorCriterionNos, MajorReason, MajorCriteriaVersion ?? MajorGrading.CurrentVersion)
            : null;

    /// <summary>A major hidden danger (docs/domain/dual-prevention.md#62-major-hidden-danger-criteria) names the criteria that apply or a free reason; a general one keeps none.</summary>
    private void Grade(HiddenDangerLevel level, MajorGrading? grading)
    {
        if (level == HiddenDangerLevel.Major && grading?.IsGiven != true)
        {
            throw new DomainRuleException(CoreText.Get("HiddenDanger.MajorGradingRequired"));
        }

        Level = level;
        var major = level == HiddenDangerLevel.Major ? grading : null;
        MajorCriterionNos = major is null ? [] : [.. major.CriterionNos.Distinct().Order()];
        MajorCriteriaVersion = MajorCriterionNos.Length > 0 ? major!.Version : null;
        MajorReason = Blank(major?.Reason);
    }

    private HiddenDangerHistoryEntry Move(HiddenDangerState to, HiddenDangerAction action, HiddenDangerState from, HiddenDangerPerson by, string? comment, DateTimeOffset now)
    {
        State = to;
        UpdatedAt = now;
        return Entry(action, from, by, comment, now);
    }

    private HiddenDangerHistoryEntry Entry(HiddenDangerAction action, HiddenDangerState? from, HiddenDangerPerson by, string? comment, DateTimeOffset now) =>
        HiddenDangerHistoryEntry.Record(this, action.ToString(), from, by.UserId, by.Name, comment, now);
}
