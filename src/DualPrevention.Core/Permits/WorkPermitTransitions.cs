namespace DualPrevention.Core.Permits;

/// <summary>
/// The process of a permit (docs/domain/special-operations.md#12-permit-life-cycle, ADR 0045). Each transition refuses an
/// illegal start state or an unmet guard with a <see cref="PermitRefusedException"/> naming every reason, and returns the
/// event the caller appends to the log.
/// </summary>
public sealed partial class WorkPermit
{
    /// <summary>A new draft numbered <paramref name="number"/>, with the type's measures.</summary>
    public static (WorkPermit Permit, WorkPermitEvent Event) Draft(
        Guid enterpriseId, string regionCode, string number, WorkPermitContent content, IReadOnlyList<MeasureEntry> measures, PermitActor by, DateTimeOffset now)
    {
        var permit = new WorkPermit
        {
            Id = Guid.CreateVersion7(),
            EnterpriseId = enterpriseId,
            RegionCode = regionCode,
            Number = number,
            Status = WorkPermitStatus.Draft,
            AppliedAt = now,
            AppliedByUserId = by.UserId,
        };
        permit.Write(content);
        for (var i = 0; i < measures.Count; i++)
        {
            permit._measures.Add(PermitMeasure.Of(permit, i + 1, measures[i].Text, measures[i].Clause));
        }

        return (permit, WorkPermitEvent.Of(permit, WorkPermitAction.Created, null, by, null, now));
    }

    /// <summary>Draft only: rewrites the content (a frozen permit is corrected by <see cref="Void"/> and a new one).</summary>
    public WorkPermitEvent Edit(WorkPermitContent content, PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.Edited);
        if (content.Details.Type != Type)
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.TypeCannotChange"));
        }

        Write(content);
        return WorkPermitEvent.Of(this, WorkPermitAction.Edited, from, by, null, now);
    }

    /// <summary>Draft → preparing: the people named pass the guardian and certificate rules on the planned day, and the workers' trade certificates hold to its end.</summary>
    public WorkPermitEvent Submit(IReadOnlyList<NamedPerson> people, PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.Submitted);
        var refusals = new List<PermitRefusal>();
        if (string.IsNullOrWhiteSpace(HazardAnalysisResult))
        {
            refusals.Add(new("Permit.HazardAnalysisRequired"));
        }

        if (PlannedEnd <= now)
        {
            refusals.Add(new("Permit.PlannedEndPassed"));
        }

        refusals.AddRange(PermitCertificates.Check(people, BusinessTime.LocalDate(PlannedStart > now ? PlannedStart : now)));
        refusals.AddRange(PermitCertificates.CheckTrade(Details, people, BusinessTime.LocalDate(PlannedEnd)));
        PermitRefusedException.ThrowIfAny(refusals);
        return Move(WorkPermitStatus.Preparing, WorkPermitAction.Submitted, from, by, null, now);
    }

    /// <summary>A named person confirms a measure applicable (and in place) or not applicable.</summary>
    public WorkPermitEvent ConfirmMeasure(Guid measureId, bool applicable, Guid personId, string personName, PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.MeasureConfirmed);
        var measure = _measures.SingleOrDefault(m => m.Id == measureId)
            ?? throw new PermitRefusedException(new PermitRefusal("Permit.MeasureNotOnPermit"));
        measure.Confirm(applicable, personId, personName, now);
        return WorkPermitEvent.Of(this, WorkPermitAction.MeasureConfirmed, from, by, measure.Text, now);
    }

    /// <summary>The safety briefing (§4.4): every worker and guardian is among the briefed.</summary>
    public WorkPermitEvent RecordBriefing(Guid briefedByPersonId, IReadOnlyList<Guid> briefedPersonIds, string content, PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.BriefingRecorded);
        var missing = _people.Where(p => p.Role != PermitRole.WorkLeader && !briefedPersonIds.Contains(p.PersonId)).ToList();
        if (missing.Count > 0)
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.BriefingMissesPeople", missing.Count));
        }

        _briefings.Add(SafetyBriefing.Of(this, briefedByPersonId, briefedPersonIds, content, now));
        return WorkPermitEvent.Of(this, WorkPermitAction.BriefingRecorded, from, by, null, now);
    }

    /// <summary>
    /// Records a gas test with its verdict (§6.1). A detector past its calibration is refused and nothing is recorded; a
    /// failing test is kept as evidence, and suspends work in progress (GA-CS-4: on an alarm, stop).
    /// </summary>
    public (GasTest Test, WorkPermitEvent Event) RecordGasTest(GasTestEntry entry, PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.GasTestRecorded);
        if (entry.SampledAt > now)
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.Gas.SampledInFuture"));
        }

        if (!GasTiming.DetectorCalibrated(entry.DetectorCalibrationDueOn, entry.SampledAt))
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.Gas.DetectorCalibrationOverdue", entry.DetectorId, entry.DetectorCalibrationDueOn));
        }

        var failures = GasAnalysis.Judge(Type, entry.Sample);
        var test = GasTest.Of(this, entry, failures, by, now);
        _gasTests.Add(test);
        if (!test.Passed && Status == WorkPermitStatus.InProgress)
        {
            _interruptions.Add(PermitInterruption.Of(this, string.Join("; ", failures.Select(f => f.Text)), now));
            return (test, Move(WorkPermitStatus.Suspended, WorkPermitAction.Suspended, from, by, string.Join("; ", test.Failures), now));
        }

        return (test, WorkPermitEvent.Of(this, WorkPermitAction.GasTestRecorded, from, by, test.Passed ? null : string.Join("; ", test.Failures), now));
    }

    /// <summary>Preparing → in approval: measures settled, briefing given, a passing gas test where one is needed; the signature steps are laid out.</summary>
    public WorkPermitEvent SendForApproval(PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.SentForApproval);
        var refusals = PreparationRefusals();
        if (GasTestRequired && LatestGasTest is not { Passed: true })
        {
            refusals.Add(new("Permit.Gas.PassingTestRequired"));
        }

        PermitRefusedException.ThrowIfAny(refusals);
        _approvals.Clear();
        var steps = ApprovalMatrix.Steps(Type, HotWorkGrade, HeightClass, LiftingGrade);
        for (var i = 0; i < steps.Count; i++)
        {
            _approvals.Add(ApprovalStep.Of(this, i + 1, steps[i]));
        }

        return Move(WorkPermitStatus.InApproval, WorkPermitAction.SentForApproval, from, by, null, now);
    }

    /// <summary>Whether one step is left to sign: the one that issues the permit.</summary>
    public bool IsLastApprovalStep => _approvals.Count(s => s.SignedAt is null) == 1;

    /// <summary>The next unsigned step, in order, or null when all are signed.</summary>
    public ApprovalStep? NextApprovalStep => _approvals.OrderBy(s => s.Seq).FirstOrDefault(s => s.SignedAt is null);

    /// <summary>
    /// Signs the next step by an account with <paramref name="authority"/> (who may sign what: <see cref="PermitSigningAuthority"/>,
    /// ADR 0051); the last signature issues the permit: approved, valid until
    /// <c>min(plannedEnd, now + cap)</c> (§5), unless the exclusion rules refuse it (<paramref name="exclusions"/>, from
    /// <see cref="CheckSimultaneousOperations"/>: docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions).
    /// </summary>
    public WorkPermitEvent Sign(SignerAuthority authority, string? opinion, PermitActor by, TimeSpan? tenantCap, DateTimeOffset now, IReadOnlyList<PermitRefusal>? exclusions = null)
    {
        var from = Begin(WorkPermitAction.StepSigned);
        var step = NextApprovalStep ?? throw new PermitRefusedException(new PermitRefusal("Permit.NothingToSign"));
        var role = step.Role;
        PermitRefusedException.ThrowIfAny(PermitSigningAuthority.Refusals([.. _approvals], step, by.UserId, authority));
        if (PlannedEnd <= now)
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.PlannedEndPassed"));
        }

        if (IsLastApprovalStep)
        {
            PermitRefusedException.ThrowIfAny(exclusions ?? []);
        }

        step.Sign(by, Blank(opinion), now);
        if (NextApprovalStep is not null)
        {
            return WorkPermitEvent.Of(this, WorkPermitAction.StepSigned, from, by, role.ToString(), now);
        }

        IssuedAt = now;
        var exceptional = Details is TemporaryElectricityDetails { Exceptional: true };
        ValidUntil = PermitValidity.ValidUntil(PlannedEnd, now, PermitValidity.Cap(Type, HotWorkGrade, exceptional, tenantCap));
        return Move(WorkPermitStatus.Approved, WorkPermitAction.Approved, from, by, role.ToString(), now);
    }

    /// <summary>In approval → draft with the reason; the signatures so far are cleared and the applicant corrects and resubmits.</summary>
    public WorkPermitEvent Reject(string reason, PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.Rejected);
        var text = Blank(reason) ?? throw new PermitRefusedException(new PermitRefusal("Permit.ReasonRequired"));
        _approvals.Clear();
        return Move(WorkPermitStatus.Draft, WorkPermitAction.Rejected, from, by, text, now);
    }

    /// <summary>Hot work: the on-shift team leader checks the permit before ignition (Appendix A, §4.2 of the domain file).</summary>
    public WorkPermitEvent CheckByShiftLeader(SignerAuthority authority, PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.ShiftLeaderChecked);
        if (Type != SpecialOperationType.HotWork)
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.ShiftLeaderCheckHotWorkOnly"));
        }

        if (!authority.Functions.Contains(PermitOrgRole.ShiftLeader))
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.Sign.FunctionNotHeld", $"PermitOrgRole.{PermitOrgRole.ShiftLeader}"));
        }

        ShiftLeaderCheckedByUserId = by.UserId;
        ShiftLeaderCheckedByName = by.Name;
        ShiftLeaderCheckedAt = now;
        return WorkPermitEvent.Of(this, WorkPermitAction.ShiftLeaderChecked, from, by, null, now);
    }

    /// <summary>
    /// Approved → in progress, guarded (docs/domain/special-operations.md#12-permit-life-cycle): within validity, measures
    /// confirmed, briefing given, people's certificates valid today, no weather block, and for hot work the shift leader's
    /// check; where gas tests apply, the latest passed and was sampled at most 30 min before (GA-HW-1, GA-CS-1), by a
    /// continuous monitor for special hot work (GA-HW-4); and no exclusion rule refuses it (<paramref name="exclusions"/>,
    /// docs/domain/special-operations.md#8-simultaneous-operations-and-exclusions).
    /// </summary>
    public WorkPermitEvent Start(IReadOnlyList<NamedPerson> people, WeatherConditions? weather, PermitActor by, DateTimeOffset now, IReadOnlyList<PermitRefusal>? exclusions = null)
    {
        var from = Begin(WorkPermitAction.Started);
        var refusals = PreparationRefusals();
        refusals.AddRange(exclusions ?? []);
        refusals.AddRange(WorkingRefusals(people, weather, now));
        if (now < PlannedStart)
        {
            refusals.Add(new("Permit.BeforePlannedStart"));
        }

        if (Type == SpecialOperationType.HotWork && ShiftLeaderCheckedAt is null)
        {
            refusals.Add(new("Permit.ShiftLeaderCheckRequired"));
        }

        if (GasTestRequired)
        {
            refusals.AddRange(FreshGasRefusals(now, after: null));
        }

        PermitRefusedException.ThrowIfAny(refusals);
        ActualStart = now;
        return Move(WorkPermitStatus.InProgress, WorkPermitAction.Started, from, by, null, now);
    }

    /// <summary>In progress → suspended with a reason (guardian leaves, alarm, pause); the interruption's clock starts.</summary>
    public WorkPermitEvent Suspend(string reason, PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.Suspended);
        var text = Blank(reason) ?? throw new PermitRefusedException(new PermitRefusal("Permit.ReasonRequired"));
        _interruptions.Add(PermitInterruption.Of(this, text, now));
        return Move(WorkPermitStatus.Suspended, WorkPermitAction.Suspended, from, by, text, now);
    }

    /// <summary>
    /// Suspended → in progress after re-confirmation: within validity, people and weather as at start; a new passing gas
    /// test sampled after the suspension and at most 30 min ago when the interruption passed the grade's threshold or hot
    /// work resumes on another day (GA-HW-2, GA-HW-3, GA-CS-3); work at height re-confirms its surroundings and measures
    /// (§8.2.11).
    /// </summary>
    public WorkPermitEvent Resume(IReadOnlyList<NamedPerson> people, WeatherConditions? weather, bool reconfirmed, PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.Resumed);
        var interruption = _interruptions.Single(i => i.To is null);
        var refusals = WorkingRefusals(people, weather, now);
        if (!reconfirmed)
        {
            refusals.Add(new("Permit.ReconfirmationRequired"));
        }

        if (GasTestRequired)
        {
            var retest = GasTiming.RetestRequired(Type, HotWorkGrade, interruption.From, now, LatestGasTest?.SampledAt);
            var latest = LatestGasTest;
            if (latest is { Passed: false })
            {
                refusals.Add(new("Permit.Gas.PassingTestRequired"));
            }
            else if (retest)
            {
                refusals.AddRange(FreshGasRefusals(now, after: interruption.From));
            }
        }

        PermitRefusedException.ThrowIfAny(refusals);
        interruption.Close(now);
        return Move(WorkPermitStatus.InProgress, WorkPermitAction.Resumed, from, by, null, now);
    }

    /// <summary>In progress → pending acceptance: the work is finished.</summary>
    public WorkPermitEvent Finish(PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.Finished);
        ActualEnd = now;
        return Move(WorkPermitStatus.PendingAcceptance, WorkPermitAction.Finished, from, by, null, now);
    }

    /// <summary>Pending acceptance → closed: the acceptor confirms the site restored (§4.14, §4.15).</summary>
    public WorkPermitEvent Accept(bool siteRestored, string? notes, PermitActor by, DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.Accepted);
        if (!siteRestored)
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.SiteNotRestored"));
        }

        SiteRestored = true;
        CompletionNotes = Blank(notes);
        AcceptedByUserId = by.UserId;
        AcceptedByName = by.Name;
        AcceptedAt = now;
        ClosedAt = now;
        return Move(WorkPermitStatus.Closed, WorkPermitAction.Accepted, from, by, CompletionNotes, now);
    }

    /// <summary>The end of validity: the issued validity, or the planned end before issue.</summary>
    public DateTimeOffset Deadline => ValidUntil ?? PlannedEnd;

    /// <summary>An open permit past its deadline → expired: the work stops and a new permit is needed (§4.16).</summary>
    public WorkPermitEvent Expire(DateTimeOffset now)
    {
        var from = Begin(WorkPermitAction.Expired);
        if (now <= Deadline)
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.NotYetExpired"));
        }

        CloseOpenInterruption(now);
        ClosedAt = now;
        return Move(WorkPermitStatus.Expired, WorkPermitAction.Expired, from, new PermitActor(null, nameof(Expire)), null, now);
    }

    /// <summary>The guardian or approver withdraws an issued permit (GD-4, GD-5), with the reason.</summary>
    public WorkPermitEvent Revoke(string reason, PermitActor by, DateTimeOffset now) => End(WorkPermitAction.Revoked, WorkPermitStatus.Revoked, reason, by, now);

    /// <summary>The applicant withdraws a permit before the work starts, with the reason.</summary>
    public WorkPermitEvent Cancel(string reason, PermitActor by, DateTimeOffset now) => End(WorkPermitAction.Cancelled, WorkPermitStatus.Cancelled, reason, by, now);

    /// <summary>
    /// A signed permit is never altered (§4.18): it is voided with the reason and <paramref name="replacement"/>, a new
    /// draft with the corrected content, takes its place; the two link to each other.
    /// </summary>
    public WorkPermitEvent Void(string reason, WorkPermit replacement, PermitActor by, DateTimeOffset now)
    {
        if (replacement.Type != Type || replacement.EnterpriseId != EnterpriseId || replacement.Status != WorkPermitStatus.Draft)
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.ReplacementInvalid"));
        }

        var step = End(WorkPermitAction.Voided, WorkPermitStatus.Voided, reason, by, now);
        ReplacedByPermitId = replacement.Id;
        replacement.ReplacesPermitId = Id;
        replacement.LinkedPermitIds = LinkedPermitIds;
        return step;
    }

    /// <summary>Links this permit with <paramref name="other"/>, another type's permit of the same job (§4.6).</summary>
    public void LinkWith(WorkPermit other)
    {
        if (other.Id == Id || other.EnterpriseId != EnterpriseId)
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.LinkInvalid"));
        }

        if (other.Type == Type)
        {
            throw new PermitRefusedException(new PermitRefusal("Permit.LinkSameType"));
        }

        if (!LinkedPermitIds.Contains(other.Id))
        {
            LinkedPermitIds = [.. LinkedPermitIds, other.Id];
        }

        if (!other.LinkedPermitIds.Contains(Id))
        {
            other.LinkedPermitIds = [.. other.LinkedPermitIds, Id];
        }
    }

    private WorkPermitEvent End(WorkPermitAction action, WorkPermitStatus to, string reason, PermitActor by, DateTimeOffset now)
    {
        var from = Begin(action);
        var text = Blank(reason) ?? throw new PermitRefusedException(new PermitRefusal("Permit.ReasonRequired"));
        CloseOpenInterruption(now);
        EndReason = text;
        ClosedAt = now;
        return Move(to, action, from, by, text, now);
    }

    private void CloseOpenInterruption(DateTimeOffset now)
    {
        foreach (var open in _interruptions.Where(i => i.To is null))
        {
            open.Close(now);
        }
    }

    private List<PermitRefusal> PreparationRefusals()
    {
        var refusals = new List<PermitRefusal>();
        var unsettled = _measures.Count(m => !m.Settled);
        if (unsettled > 0)
        {
            refusals.Add(new("Permit.MeasuresUnconfirmed", unsettled));
        }

        if (_briefings.Count == 0)
        {
            refusals.Add(new("Permit.BriefingRequired"));
        }

        return refusals;
    }

    private List<PermitRefusal> WorkingRefusals(IReadOnlyList<NamedPerson> people, WeatherConditions? weather, DateTimeOffset now)
    {
        var refusals = new List<PermitRefusal>();
        if (now > Deadline)
        {
            refusals.Add(new("Permit.ValidityPassed"));
        }

        refusals.AddRange(PermitCertificates.Check(people, BusinessTime.LocalDate(now)));
        var upgraded = Details is HotWorkDetails { Upgraded: true };
        refusals.AddRange(WeatherBlocks.Check(Type, Outdoor, upgraded, weather));
        return refusals;
    }

    private List<PermitRefusal> FreshGasRefusals(DateTimeOffset now, DateTimeOffset? after)
    {
        var latest = LatestGasTest;
        if (latest is null || (after is { } since && latest.SampledAt < since))
        {
            return [new("Permit.Gas.PassingTestRequired")];
        }

        var refusals = new List<PermitRefusal>();
        if (!latest.Passed)
        {
            refusals.Add(new("Permit.Gas.PassingTestRequired"));
        }

        if (!GasTiming.FreshForStart(latest.SampledAt, now))
        {
            refusals.Add(new("Permit.Gas.Stale", (int)GasTiming.MaxAgeAtStart.TotalMinutes));
        }

        if (GasTiming.ContinuousMonitoringRequired(Type, HotWorkGrade) && !latest.Continuous)
        {
            refusals.Add(new("Permit.Gas.ContinuousMonitoringRequired"));
        }

        return refusals;
    }

    private void Write(WorkPermitContent content)
    {
        var refusals = new List<PermitRefusal>();
        if (content.PlannedEnd <= content.PlannedStart)
        {
            refusals.Add(new("Permit.PlannedEndBeforeStart"));
        }

        HotWorkGrade = null;
        HeightClass = null;
        LiftingGrade = null;
        switch (content.Details)
        {
            case HotWorkDetails hot:
                HotWorkGrade = hot.ManagedGrade;
                break;
            case WorkAtHeightDetails height:
                if (height.HazardFactors.Any(f => f is < 1 or > 9) || height.HazardFactors.Distinct().Count() != height.HazardFactors.Count)
                {
                    refusals.Add(new("Permit.HeightFactorsInvalid"));
                }

                HeightClass = height.Class;
                if (HeightClass is null)
                {
                    refusals.Add(new("Permit.NotWorkAtHeight", PermitGrading.HeightThresholdMeters));
                }

                break;
            case LiftingDetails lifting:
                LiftingGrade = lifting.Grade;
                break;
            default:
                break;
        }

        PermitRefusedException.ThrowIfAny(refusals);
        Type = content.Details.Type;
        Details = content.Details;
        ApplicantUnit = content.ApplicantUnit.Trim();
        WorkContent = content.WorkContent.Trim();
        LocationText = content.LocationText.Trim();
        Outdoor = content.Outdoor;
        Contractor = Blank(content.Contractor);
        PlannedStart = content.PlannedStart;
        PlannedEnd = content.PlannedEnd;
        HazardAnalysisResult = Blank(content.HazardAnalysisResult);
        OtherMeasures = Blank(content.OtherMeasures);
        OtherMeasuresAuthor = Blank(content.OtherMeasuresAuthor);
        SitePlanId = content.WorkPoint?.SitePlanId;
        WorkPoint = content.WorkPoint?.Point();
        WorkFence = content.WorkPoint?.Fence();
        FenceRadiusMeters = content.WorkPoint?.FenceRadiusMeters;
        Activities = content.Activities;
        _people.Clear();
        foreach (var person in content.People.DistinctBy(p => (p.PersonId, p.Role)))
        {
            _people.Add(PermitPerson.Of(this, person.PersonId, person.Role, person.CertificateId));
        }
    }

    private WorkPermitStatus Begin(WorkPermitAction action) =>
        Array.IndexOf(WorkPermitLifecycle.AllowedFrom[action], Status) >= 0
            ? Status
            : throw new PermitRefusedException(new PermitRefusal("Permit.NotAllowedInStatus", $"WorkPermitAction.{action}", $"WorkPermitStatus.{Status}"));

    private WorkPermitEvent Move(WorkPermitStatus to, WorkPermitAction action, WorkPermitStatus from, PermitActor by, string? reason, DateTimeOffset now)
    {
        Status = to;
        return WorkPermitEvent.Of(this, action, from, by, reason, now);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
