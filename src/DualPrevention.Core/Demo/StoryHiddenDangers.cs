using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Photos;
using Microsoft.Extensions.Options;

namespace DualPrevention.Core.Demo;

/// <summary>
/// Lives each hidden danger of <see cref="StoryScript.Findings"/> through the product's use-case handlers, on the story's
/// clock and inside the story's transaction: reported (as a draft from an inspection, by a staff member, or by the city
/// bureau), registered, confirmed with a deadline, a major one's plan, congress report and posting, rectified with an
/// after-photo, accepted or refused, closed out — so validation, permissions and the timeline are the product's own.
/// </summary>
internal sealed class StoryHiddenDangers(
    StoryContexts contexts, StoryClock clock, IPhotoStore photos, HiddenDangerNotifications notifications, IReadOnlyList<StoryCompany> companies, DateOnly firstDay)
{
    private const string PhotoFile = "demo-photo-after-rectification.png";

    private readonly DateTimeOffset _now = clock.Now;
    private readonly ReportHiddenDanger.Handler _report = new(contexts, clock, notifications);
    private readonly ReportHiddenDangerAsRegulator.Handler _reportAsRegulator = new(contexts, clock, notifications);
    private readonly EditHiddenDangerDraft.Handler _editDraft = new(contexts, clock);
    private readonly RegisterHiddenDanger.Handler _register = new(contexts, clock, notifications);
    private readonly FixHiddenDangerOnSpot.Handler _fixOnSpot = new(contexts, clock);
    private readonly InvalidateHiddenDanger.Handler _invalidate = new(contexts, clock);
    private readonly ConfirmHiddenDanger.Handler _confirm = new(contexts, clock, notifications);
    private readonly SaveRemediationPlan.Handler _savePlan = new(contexts, clock);
    private readonly RecordWorkersCongressReport.Handler _reportToCongress = new(contexts, clock);
    private readonly PostHiddenDanger.Handler _post = new(contexts, clock, notifications);
    private readonly UploadHiddenDangerPhoto.Handler _uploadPhoto = new(contexts, photos, Options.Create(new PhotoLimits()), clock);
    private readonly SubmitRectification.Handler _submit = new(contexts, clock, notifications);
    private readonly RejectAcceptance.Handler _reject = new(contexts, clock, notifications);
    private readonly AcceptRectification.Handler _accept = new(contexts, clock);
    private readonly CloseOutHiddenDanger.Handler _closeOut = new(contexts, clock);

    /// <param name="drafts">The draft each inspection finding opened (<see cref="StoryInspections.Drafts"/>).</param>
    public async Task RunAsync(IReadOnlyDictionary<StoryFinding, (Guid Id, DateTimeOffset FoundAt)> drafts, CancellationToken cancellationToken)
    {
        var photo = await DemoImports.ReadAsync(PhotoFile, cancellationToken);
        foreach (var finding in StoryScript.Findings)
        {
            var company = companies.Single(c => c.Part.Code == finding.Code);
            var reportedAt = Day(finding.Day, 10, 0);
            var (id, foundAt) = finding.Origin switch
            {
                StoryOrigin.Inspection => drafts.TryGetValue(finding, out var draft) ? draft
                    : throw new InvalidOperationException($"The demo story's finding \"{finding.Name}\" opened no draft."),
                StoryOrigin.SelfReport => (await _report.HandleAsync(
                    Act(company.InspectorActor, reportedAt), new(StoryForms.Report(finding, InspectionSource.Routine)), cancellationToken), reportedAt),
                StoryOrigin.Regulator => (await _reportAsRegulator.HandleAsync(
                    Act(company.CityReviewerActor, reportedAt),
                    new(company.Id, StoryScript.BureauInspectionId, StoryForms.Report(finding, InspectionSource.Other)),
                    cancellationToken), reportedAt),
            };
            await LiveAsync(company, finding, id, foundAt, photo, cancellationToken);
        }
    }

    private async Task LiveAsync(StoryCompany company, StoryFinding finding, Guid id, DateTimeOffset foundAt, byte[] photo, CancellationToken cancellationToken)
    {
        var admin = company.AdminActor;
        if (finding.Origin == StoryOrigin.Inspection)
        {
            if (finding.Ending == StoryEnding.FixedOnSpot)
            {
                await _fixOnSpot.HandleAsync(
                    Act(admin, foundAt.AddMinutes(20)), new(id, $"已当场整改：{finding.Name}", company.Inspector.UserId, "现场复查，整改到位"), cancellationToken);
                return;
            }

            if (finding.IsMajor)
            {
                await _editDraft.HandleAsync(Act(admin, foundAt.AddMinutes(25)), new(id, finding.Name, finding.Name, HiddenDangerLevel.Major), cancellationToken);
            }

            await _register.HandleAsync(Act(admin, foundAt.AddMinutes(30)), new(id, StoryForms.Grading(finding)), cancellationToken);
        }

        switch (finding.Ending)
        {
            case StoryEnding.PendingConfirmation:
                return;
            case StoryEnding.Invalidated:
                await _invalidate.HandleAsync(
                    Act(admin, Day(finding.Day + 1, 9, 30)), new(id, "经复核为管线表面浮锈，壁厚检测合格，不构成事故隐患"), cancellationToken);
                return;
        }

        var confirmedAt = finding.Origin == StoryOrigin.Inspection ? foundAt.AddHours(2) : Day(finding.Day + 1, 9, 30);
        await _confirm.HandleAsync(
            Act(admin, confirmedAt), new(id, StoryForms.Confirmation(finding, firstDay), company.Inspector.UserId), cancellationToken);
        if (finding.IsMajor)
        {
            await SuperviseAsync(company, finding, id, cancellationToken);
        }

        if (finding.Ending == StoryEnding.Rectifying)
        {
            return;
        }

        await RectifyAsync(company, id, finding.Day + finding.RectifiedAfter, photo, cancellationToken);
        if (finding.RejectedOnce)
        {
            await _reject.HandleAsync(
                Act(admin, Day(finding.Day + finding.RectifiedAfter + 1, 9, 0)), new(id, "整改不彻底：仍使用普通夹具，请更换为防爆型静电接地夹后重新提交"), cancellationToken);
            await RectifyAsync(company, id, finding.Day + finding.AcceptedAfter - 1, photo, cancellationToken);
        }

        if (finding.Ending == StoryEnding.PendingAcceptance)
        {
            return;
        }

        await _accept.HandleAsync(Act(admin, Day(finding.Day + finding.AcceptedAfter, 15, 0)), new(id, "复查合格，同意验收"), cancellationToken);
        if (finding.Ending == StoryEnding.ClosedOut)
        {
            await _closeOut.HandleAsync(Act(admin, Day(finding.Day + finding.AcceptedAfter + 1, 10, 0)), new(id), cancellationToken);
        }
    }

    /// <summary>
    /// Major ones (docs/domain/dual-prevention.md#7-major-hidden-dangers): the six-part plan the day after
    /// confirmation; the workers' congress is told, except of the self-reported one at demo-wf1, which is behind; the
    /// city bureau posts it when the script says so, with its confirmed deadline.
    /// </summary>
    private async Task SuperviseAsync(StoryCompany company, StoryFinding finding, Guid id, CancellationToken cancellationToken)
    {
        await _savePlan.HandleAsync(Act(company.AdminActor, Day(finding.Day + 1, 16, 0)), new(id, StoryForms.Plan(finding)), cancellationToken);
        if (finding.Origin != StoryOrigin.SelfReport)
        {
            await _reportToCongress.HandleAsync(Act(company.AdminActor, Day(finding.Day + 2, 10, 0)), new(id), cancellationToken);
        }

        if (finding.PostedAfter is { } after)
        {
            var postedAt = Day(finding.Day + after, 10, 0);
            var posting = new Posting(
                PostingLevel.City, StoryScript.PostingOrganisation, StoryScript.PostingNoticeNo(BusinessTime.LocalDate(postedAt).Year),
                StoryForms.Deadline(finding, firstDay));
            await _post.HandleAsync(Act(company.CityReviewerActor, postedAt), new(id, posting), cancellationToken);
        }
    }

    /// <summary>The rectifier uploads an after-photo at 09:40 and submits at 10:00 on story day <paramref name="day"/>.</summary>
    private async Task RectifyAsync(StoryCompany company, Guid id, int day, byte[] photo, CancellationToken cancellationToken)
    {
        using (var content = new MemoryStream(photo, writable: false))
        {
            await _uploadPhoto.HandleAsync(
                Act(company.InspectorActor, Day(day, 9, 40)), new(id, PhotoKind.AfterRectification, content, PhotoFile), cancellationToken);
        }

        await _submit.HandleAsync(Act(company.InspectorActor, Day(day, 10, 0)), new(id, "已按整改措施完成整改，附整改后照片"), cancellationToken);
    }

    /// <summary>Sets the story's clock and the person acting for the next handler call.</summary>
    /// <exception cref="InvalidOperationException">The script reaches beyond now.</exception>
    private Actor Act(Actor actor, DateTimeOffset at)
    {
        clock.Now = at < _now ? at : throw new InvalidOperationException($"The demo story's step at {at:O} lies in the future.");
        contexts.Acting = actor.Scope;
        return actor;
    }

    private DateTimeOffset Day(int day, int hour, int minute) => StoryDays.At(firstDay, day, hour, minute);
}
