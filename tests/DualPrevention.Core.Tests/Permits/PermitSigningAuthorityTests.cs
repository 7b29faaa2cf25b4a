using DualPrevention.Core.Permits;
using static DualPrevention.Core.Tests.Permits.PermitScenario;

namespace DualPrevention.Core.Tests.Permits;

/// <summary>
/// Who may sign which step (ADR 0051; docs/domain/special-operations.md#41-approval-matrix and #42-signature-order):
/// the function held, four eyes, the work leader's own step and never their own approval, each refusal naming why.
/// </summary>
public sealed class PermitSigningAuthorityTests
{
    private static WorkPermit InApproval(HotWorkGrade grade)
    {
        var permit = Prepared(new HotWorkDetails("电焊", grade));
        permit.SendForApproval(Applicant, Now.AddMinutes(27));
        return permit;
    }

    private static string[] Keys(Action sign) => [.. Should.Throw<PermitRefusedException>(sign).Refusals.Select(r => r.Key)];

    [Fact]
    public void The_work_leaders_step_is_signed_by_the_work_leader_named_on_the_permit_GB30871_appendix_A()
    {
        var permit = InApproval(HotWorkGrade.Level1);

        Should.Throw<PermitRefusedException>(() => permit.Sign(Holding(PermitOrgRole.WorkLeader), null, new(Guid.NewGuid(), "他人"), null, ActAt))
            .Refusals.Single().ShouldBe(new PermitRefusal("Permit.Sign.OnlyTheWorkLeader", "PermitOrgRole.WorkLeader", "负责人"), new RefusalComparer());
        Keys(() => permit.Sign(new SignerAuthority(new HashSet<PermitOrgRole>(), null, "负责人"), null, LeaderAccount, null, ActAt))
            .ShouldBe(["Permit.Sign.WorkLeaderHasNoAccount"]);

        permit.Sign(Holding(), null, LeaderAccount, null, ActAt);
        permit.Approvals[0].SignedByUserId.ShouldBe(LeaderAccount.UserId);
    }

    [Fact]
    public void An_account_without_the_steps_function_is_refused_naming_the_function_GB30871_table_B_1()
    {
        var permit = InApproval(HotWorkGrade.Level1);
        permit.Sign(Holding(), null, LeaderAccount, null, ActAt);

        var refused = Should.Throw<PermitRefusedException>(() => permit.Sign(Holding(PermitOrgRole.SafetyDepartment), null, new(Guid.NewGuid(), "安全员"), null, ActAt));

        refused.Refusals.Single().ShouldBe(new PermitRefusal("Permit.Sign.FunctionNotHeld", "PermitOrgRole.Unit"), new RefusalComparer());
        permit.NextApprovalStep!.Seq.ShouldBe(2);
    }

    [Fact]
    public void One_account_never_signs_two_steps_of_a_permit_even_holding_both_functions_GB30871_appendix_A()
    {
        var permit = InApproval(HotWorkGrade.Level1);
        var both = new PermitActor(Guid.NewGuid(), "两职人");
        permit.Sign(Holding(), null, LeaderAccount, null, ActAt);
        permit.Sign(Holding(PermitOrgRole.Unit, PermitOrgRole.SafetyDepartment), null, both, null, ActAt);

        Keys(() => permit.Sign(Holding(PermitOrgRole.Unit, PermitOrgRole.SafetyDepartment), null, both, null, ActAt)).ShouldBe(["Permit.Sign.AlreadySigned"]);
        permit.Sign(Holding(PermitOrgRole.SafetyDepartment), null, new(Guid.NewGuid(), "安全员"), null, ActAt);
        var approver = new PermitActor(Guid.NewGuid(), "安全部长");
        Keys(() => permit.Sign(Holding(PermitOrgRole.Unit, PermitOrgRole.SafetyDepartment), null, both, null, ActAt)).ShouldBe(["Permit.Sign.AlreadySigned"]);
        permit.Sign(Holding(PermitOrgRole.SafetyDepartment), null, approver, null, ActAt);

        permit.Status.ShouldBe(WorkPermitStatus.Approved);
    }

    [Fact]
    public void The_work_leader_never_approves_their_own_permit_GB30871_4_11()
    {
        var permit = InApproval(HotWorkGrade.Level2);
        permit.Sign(Holding(), null, LeaderAccount, null, ActAt);

        Keys(() => permit.Sign(Holding(PermitOrgRole.Unit), null, LeaderAccount, null, ActAt)).ShouldBe(["Permit.Sign.WorkLeaderOwnPermit"]);
    }

    [Fact]
    public void The_owning_unit_gives_its_opinion_and_approves_level_2_hot_work_with_one_account_GB30871_table_B_1()
    {
        var permit = InApproval(HotWorkGrade.Level2);
        var unit = new PermitActor(Guid.NewGuid(), "车间主任");
        permit.Sign(Holding(), null, LeaderAccount, null, ActAt);
        permit.Sign(Holding(PermitOrgRole.Unit), "同意", unit, null, ActAt);
        Keys(() => permit.Sign(Holding(PermitOrgRole.Unit, PermitOrgRole.SafetyDepartment), null, unit, null, ActAt)).ShouldBe(["Permit.Sign.AlreadySigned"]);
        permit.Sign(Holding(PermitOrgRole.SafetyDepartment), "同意", new(Guid.NewGuid(), "安全员"), null, ActAt);

        permit.Sign(Holding(PermitOrgRole.Unit), "批准", unit, null, ActAt);

        (permit.Status, permit.Approvals[^1].SignedByUserId, permit.Approvals[1].SignedByUserId).ShouldBe((WorkPermitStatus.Approved, unit.UserId, unit.UserId));
    }

    [Fact]
    public void Only_the_on_shift_team_leader_checks_a_hot_work_permit_before_ignition_GB30871_appendix_A()
    {
        var permit = Prepared();
        permit.SendForApproval(Applicant, Now.AddMinutes(27));
        SignAll(permit, Now.AddMinutes(28));

        Should.Throw<PermitRefusedException>(() => permit.CheckByShiftLeader(Holding(PermitOrgRole.SafetyDepartment), Applicant, Now.AddMinutes(29)))
            .Refusals.Single().ShouldBe(new PermitRefusal("Permit.Sign.FunctionNotHeld", "PermitOrgRole.ShiftLeader"), new RefusalComparer());
        permit.CheckByShiftLeader(ShiftLeader, new(Guid.NewGuid(), "班长"), Now.AddMinutes(29));
        permit.ShiftLeaderCheckedAt.ShouldNotBeNull();
    }
}
