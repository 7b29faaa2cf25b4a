namespace DualPrevention.Core.Permits;

/// <summary>
/// The ordered signatures a permit collects before it is approved: the Appendix A signature blocks up to the approver,
/// whose function comes from Table B.1 (docs/domain/special-operations.md#41-approval-matrix and #42-signature-order).
/// The shift leader's check before hot work and the completion acceptance come later in the life-cycle.
/// </summary>
public static class ApprovalMatrix
{
    /// <summary>The approver's function for a permit of <paramref name="type"/> and grade (Table B.1).</summary>
    public static PermitOrgRole Approver(SpecialOperationType type, HotWorkGrade? hotWork, HeightClass? height, LiftingGrade? lifting) => type switch
    {
        SpecialOperationType.HotWork => hotWork switch
        {
            HotWorkGrade.Special => PermitOrgRole.LeaderInCharge,
            HotWorkGrade.Level1 => PermitOrgRole.SafetyDepartment,
            _ => PermitOrgRole.Unit,
        },
        SpecialOperationType.ConfinedSpace or SpecialOperationType.BlindPlate => PermitOrgRole.Unit,
        SpecialOperationType.WorkAtHeight => height switch
        {
            HeightClass.I => PermitOrgRole.Unit,
            HeightClass.IV => PermitOrgRole.PlantManagerOrChiefEngineer,
            _ => PermitOrgRole.SpecialistDepartment,
        },
        SpecialOperationType.Lifting => lifting == LiftingGrade.Level1 ? PermitOrgRole.PlantManagerOrChiefEngineer : PermitOrgRole.SpecialistDepartment,
        SpecialOperationType.TemporaryElectricity => PermitOrgRole.PowerSupplier,
        SpecialOperationType.Excavation or SpecialOperationType.RoadBreak => PermitOrgRole.SpecialistDepartment,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>The signature steps in order, the approver last.</summary>
    public static IReadOnlyList<PermitOrgRole> Steps(SpecialOperationType type, HotWorkGrade? hotWork, HeightClass? height, LiftingGrade? lifting)
    {
        var approver = Approver(type, hotWork, height, lifting);
        return type switch
        {
            SpecialOperationType.HotWork => [PermitOrgRole.WorkLeader, PermitOrgRole.Unit, PermitOrgRole.SafetyDepartment, approver],
            SpecialOperationType.ConfinedSpace or SpecialOperationType.BlindPlate => [PermitOrgRole.WorkLeader, approver],
            SpecialOperationType.WorkAtHeight => [PermitOrgRole.WorkLeader, PermitOrgRole.Unit, PermitOrgRole.ReviewingDepartment, approver],
            SpecialOperationType.Lifting => [PermitOrgRole.LiftingCommander, PermitOrgRole.Unit, PermitOrgRole.ReviewingDepartment, approver],
            SpecialOperationType.TemporaryElectricity => [PermitOrgRole.WorkLeader, PermitOrgRole.Unit, approver],
            SpecialOperationType.Excavation => [PermitOrgRole.WorkLeader, PermitOrgRole.Unit, PermitOrgRole.Countersigning, approver],
            SpecialOperationType.RoadBreak => [PermitOrgRole.WorkLeader, PermitOrgRole.Unit, PermitOrgRole.FireAndSafetyDepartments, approver],
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
        };
    }
}
