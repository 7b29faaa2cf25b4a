namespace DualPrevention.Web.Risks.Register;

/// <summary>What a user asked for on a node of the register tree.</summary>
public enum RiskRegisterActionKind
{
    AddUnit = 1,
    EditObject = 2,
    DeleteObject = 3,
    AddEvent = 4,
    EditUnit = 5,
    DeleteUnit = 6,
    AddMeasure = 7,
    EditEvent = 8,
    DeleteEvent = 9,
    ShowAssessments = 10,
    EditMeasure = 11,
    DeleteMeasure = 12,
}

/// <summary>A request from the tree: the action, the node's id and its name for dialogs and confirmations.</summary>
public sealed record RiskRegisterAction(RiskRegisterActionKind Kind, Guid Id, string Name);
