using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Localization;

namespace DualPrevention.Web.HiddenDangers;

/// <summary>Runs the handler of one action with what the action dialog collected; the handlers check every rule again.</summary>
internal static class HiddenDangerActions
{
    /// <summary>The dialog's fields; each action reads the ones it needs.</summary>
    public sealed record Input(
        string? Text, string? Comment, DateOnly? Date, Guid? RectifierUserId, bool Approve, MajorGrading Grading,
        HiddenDangerConfirmation Confirmation, RemediationPlan Plan, PostingLevel PostingLevel);

    /// <exception cref="FluentValidation.ValidationException">A field is missing or malformed.</exception>
    /// <exception cref="DomainRuleException">The action is refused now.</exception>
    public static Task RunAsync(IServiceProvider services, Actor actor, GetHiddenDanger.Detail detail, HiddenDangerAction action, Input input, CancellationToken cancellationToken)
    {
        var id = detail.Id;
        return action switch
        {
            HiddenDangerAction.Register => Handler<RegisterHiddenDanger.Handler>(services).HandleAsync(actor, new(id, detail.Level == HiddenDangerLevel.Major ? input.Grading : null), cancellationToken),
            HiddenDangerAction.Confirm => Handler<ConfirmHiddenDanger.Handler>(services).HandleAsync(actor, new(id, ConfirmationOf(input), Required(input.RectifierUserId)), cancellationToken),
            HiddenDangerAction.Invalidate => Handler<InvalidateHiddenDanger.Handler>(services).HandleAsync(actor, new(id, input.Text ?? ""), cancellationToken),
            HiddenDangerAction.SubmitRectification => Handler<SubmitRectification.Handler>(services).HandleAsync(actor, new(id, input.Text ?? ""), cancellationToken),
            HiddenDangerAction.Accept => Handler<AcceptRectification.Handler>(services).HandleAsync(actor, new(id, input.Text), cancellationToken),
            HiddenDangerAction.RejectAcceptance => Handler<RejectAcceptance.Handler>(services).HandleAsync(actor, new(id, input.Text ?? ""), cancellationToken),
            HiddenDangerAction.RequestExtension => Handler<RequestDeadlineExtension.Handler>(services).HandleAsync(actor, new(id, RequiredDate(input.Date), input.Text ?? ""), cancellationToken),
            HiddenDangerAction.DecideExtension => Handler<DecideDeadlineExtension.Handler>(services).HandleAsync(
                actor, new(id, PendingRequestId(detail), input.Approve, input.Comment), cancellationToken),
            HiddenDangerAction.FixOnSpot => Handler<FixHiddenDangerOnSpot.Handler>(services).HandleAsync(actor, new(id, input.Text ?? "", Required(input.RectifierUserId), input.Comment), cancellationToken),
            HiddenDangerAction.SaveRemediationPlan => Handler<SaveRemediationPlan.Handler>(services).HandleAsync(actor, new(id, input.Plan), cancellationToken),
            HiddenDangerAction.RecordWorkersCongressReport => Handler<RecordWorkersCongressReport.Handler>(services).HandleAsync(actor, new(id), cancellationToken),
            HiddenDangerAction.Post => Handler<PostHiddenDanger.Handler>(services).HandleAsync(
                actor, new(id, new Posting(input.PostingLevel, input.Text ?? "", input.Comment ?? "", RequiredDate(input.Date))), cancellationToken),
            HiddenDangerAction.CloseOut => Handler<CloseOutHiddenDanger.Handler>(services).HandleAsync(actor, new(id), cancellationToken),
            HiddenDangerAction.AddPhoto => throw new InvalidOperationException("Photos are added on the page, not through the action dialog."),
        };
    }

    private static HiddenDangerConfirmation ConfirmationOf(Input input) => input.Confirmation with
    {
        Deadline = RequiredDate(input.Date),
        Grading = input.Confirmation.Level == HiddenDangerLevel.Major ? input.Grading : null,
    };

    /// <summary>The request the page showed as pending; none when it was decided meanwhile, and the handler then says why.</summary>
    private static Guid PendingRequestId(GetHiddenDanger.Detail detail) =>
        detail.ExtensionRequests.LastOrDefault(r => r.Decision == ExtensionDecision.Pending)?.Id ?? Guid.Empty;

    private static T Handler<T>(IServiceProvider services)
        where T : notnull => services.GetRequiredService<T>();

    private static Guid Required(Guid? userId) =>
        userId ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("RectifierUserId", CoreText.Get("Request.Required", CoreText.Find("Field.RectifierUserId") ?? "RectifierUserId"))]);

    private static DateOnly RequiredDate(DateOnly? date) =>
        date ?? throw new FluentValidation.ValidationException([new FluentValidation.Results.ValidationFailure("Deadline", CoreText.Get("Request.Required", CoreText.Find("Field.Deadline") ?? "Deadline"))]);
}
