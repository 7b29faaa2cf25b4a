using System.Runtime.CompilerServices;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Testing;

/// <summary>
/// Test-only: writes a hidden danger straight into the state a test needs (bypassing the workflow, whose
/// setters are private) through the owner context, e.g.
/// <c>ForcedHiddenDanger.Of(enterpriseId).Major().DueOn(date).RectifiedBy(userId).SaveAsync(database)</c>.
/// </summary>
public sealed class ForcedHiddenDanger
{
    private readonly Guid _enterpriseId;
    private HiddenDangerState _state = HiddenDangerState.Rectifying;
    private HiddenDangerLevel _level = HiddenDangerLevel.General;
    private DateOnly? _deadline;
    private Guid? _rectifierUserId;
    private bool _majorCase;
    private DateOnly? _postingDeadline;
    private string _name = "储罐区防火堤破损";

    private ForcedHiddenDanger(Guid enterpriseId) => _enterpriseId = enterpriseId;

    public static ForcedHiddenDanger Of(Guid enterpriseId) => new(enterpriseId);

    public ForcedHiddenDanger InState(HiddenDangerState state)
    {
        _state = state;
        return this;
    }

    /// <summary>Major, with its case opened (reported to the bureau).</summary>
    public ForcedHiddenDanger Major()
    {
        _level = HiddenDangerLevel.Major;
        _majorCase = true;
        return this;
    }

    /// <summary>Major and posted (挂牌督办) by the bureau with <paramref name="postingDeadline"/>.</summary>
    public ForcedHiddenDanger PostedUntil(DateOnly postingDeadline)
    {
        Major();
        _postingDeadline = postingDeadline;
        return this;
    }

    public ForcedHiddenDanger DueOn(DateOnly deadline)
    {
        _deadline = deadline;
        return this;
    }

    public ForcedHiddenDanger RectifiedBy(Guid userId)
    {
        _rectifierUserId = userId;
        return this;
    }

    public ForcedHiddenDanger Named(string name)
    {
        _name = name;
        return this;
    }

    public async Task<Guid> SaveAsync(TestDatabase database)
    {
        var now = database.Clock.GetUtcNow();
        await using var db = database.OwnerContext(TenantScope.System);
        var regionCode = await db.Enterprises.Where(e => e.Id == _enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var hiddenDanger = (HiddenDanger)RuntimeHelpers.GetUninitializedObject(typeof(HiddenDanger));
        var entry = db.HiddenDangers.Add(hiddenDanger);
        entry.Property(h => h.Id).CurrentValue = Guid.CreateVersion7();
        entry.Property(h => h.EnterpriseId).CurrentValue = _enterpriseId;
        entry.Property(h => h.RegionCode).CurrentValue = regionCode;
        entry.Property(h => h.CreatedAt).CurrentValue = now;
        entry.Property(h => h.UpdatedAt).CurrentValue = now;
        entry.Property(h => h.State).CurrentValue = _state;
        entry.Property(h => h.Name).CurrentValue = _name;
        entry.Property(h => h.Description).CurrentValue = _name;
        entry.Property(h => h.Level).CurrentValue = _level;
        entry.Property(h => h.Source).CurrentValue = Core.Inspections.InspectionSource.Routine;
        entry.Property(h => h.Origin).CurrentValue = HiddenDangerOrigin.SelfReport;
        entry.Property(h => h.ReportedAt).CurrentValue = now;
        entry.Property(h => h.ReportedByName).CurrentValue = "测试";
        entry.Property(h => h.RegisteredAt).CurrentValue = now;
        entry.Property(h => h.Deadline).CurrentValue = _deadline;
        entry.Property(h => h.RectifierUserId).CurrentValue = _rectifierUserId;
        entry.Property(h => h.RectifierName).CurrentValue = _rectifierUserId is null ? null : "整改人";
        entry.Property(h => h.MajorCriterionNos).CurrentValue = _level == HiddenDangerLevel.Major ? [1] : [];
        if (_majorCase)
        {
            var majorCase = db.MajorHiddenDangerCases.Add(MajorHiddenDangerCase.Open(hiddenDanger, now));
            if (_postingDeadline is { } postingDeadline)
            {
                majorCase.Property(c => c.PostingLevel).CurrentValue = PostingLevel.City;
                majorCase.Property(c => c.PostingDeadline).CurrentValue = postingDeadline;
                majorCase.Property(c => c.PostedAt).CurrentValue = now;
            }
        }

        await db.SaveChangesAsync();
        return hiddenDanger.Id;
    }
}
