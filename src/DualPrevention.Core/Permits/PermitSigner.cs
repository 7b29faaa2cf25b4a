using DualPrevention.Core.Auditing;
using DualPrevention.Core.Tenancy;

namespace DualPrevention.Core.Permits;

/// <summary>
/// 签字授权: an account of the enterprise that may sign a permit as one function of the approval matrix
/// (docs/domain/special-operations.md#41-approval-matrix: "each tenant maps them to its posts"), or, with
/// <see cref="PersonId"/> and the function <see cref="PermitOrgRole.WorkLeader"/>, the account of a registry person who
/// signs as the work leader (or lifting commander) of the permits that name them (ADR 0051).
/// </summary>
public sealed class PermitSigner : ITenantOwned, IAudited
{
    private PermitSigner()
    {
    }

    public Guid Id { get; private set; }

    public Guid EnterpriseId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public PermitOrgRole Function { get; private set; }

    public Guid UserId { get; private set; }

    /// <summary>For a work leader's account: the registry person it is; null for the other functions.</summary>
    public Guid? PersonId { get; private set; }

    internal static PermitSigner Of(Guid enterpriseId, string regionCode, PermitOrgRole function, Guid userId, Guid? personId) => new()
    {
        Id = Guid.CreateVersion7(),
        EnterpriseId = enterpriseId,
        RegionCode = regionCode,
        Function = function,
        UserId = userId,
        PersonId = personId,
    };

    public (Guid? EnterpriseId, string? RegionCode) AuditOwner() => (EnterpriseId, RegionCode);
}

/// <summary>
/// What the signing account holds on one permit: the functions mapped to it, and whose account the permit's work
/// leader has (null when the person has none).
/// </summary>
public sealed record SignerAuthority(IReadOnlySet<PermitOrgRole> Functions, Guid? WorkLeaderUserId, string WorkLeaderName);

/// <summary>
/// Who may sign a step (docs/domain/special-operations.md#42-signature-order, ADR 0051): the work leader's (or lifting
/// commander's) step only the permit's work leader; any other step an account mapped to its function, never the work
/// leader (who does not approve their own permit), and never an account that signed an earlier step of the permit,
/// except the owning unit's opinion followed by the same unit's approval where Table B.1 makes the unit the approver
/// (docs/domain/special-operations.md#41-approval-matrix).
/// </summary>
public static class PermitSigningAuthority
{
    /// <summary>The steps the permit's work leader signs.</summary>
    public static bool IsWorkLeaderStep(PermitOrgRole role) => role is PermitOrgRole.WorkLeader or PermitOrgRole.LiftingCommander;

    /// <summary>Why <paramref name="userId"/> may not sign <paramref name="step"/> of a permit whose steps are <paramref name="steps"/>; empty when it may.</summary>
    public static IReadOnlyList<PermitRefusal> Refusals(IReadOnlyList<ApprovalStep> steps, ApprovalStep step, Guid? userId, SignerAuthority authority)
    {
        var function = $"PermitOrgRole.{step.Role}";
        if (IsWorkLeaderStep(step.Role))
        {
            return authority.WorkLeaderUserId is null ? [new("Permit.Sign.WorkLeaderHasNoAccount", authority.WorkLeaderName, function)]
                : authority.WorkLeaderUserId != userId ? [new("Permit.Sign.OnlyTheWorkLeader", function, authority.WorkLeaderName)]
                : [];
        }

        var refusals = new List<PermitRefusal>();
        if (userId is not null && userId == authority.WorkLeaderUserId)
        {
            refusals.Add(new("Permit.Sign.WorkLeaderOwnPermit", authority.WorkLeaderName));
        }
        else if (!authority.Functions.Contains(step.Role))
        {
            refusals.Add(new("Permit.Sign.FunctionNotHeld", function));
        }

        var isApproval = step.Seq == steps.Max(s => s.Seq);
        refusals.AddRange(steps
            .Where(s => s.Seq < step.Seq && s.SignedAt is not null && s.SignedByUserId == userId && userId is not null)
            .Where(s => !(isApproval && s.Role == PermitOrgRole.Unit && step.Role == PermitOrgRole.Unit))
            .Where(s => !IsWorkLeaderStep(s.Role))
            .Select(s => new PermitRefusal("Permit.Sign.AlreadySigned", $"PermitOrgRole.{s.Role}")));
        return refusals;
    }
}
