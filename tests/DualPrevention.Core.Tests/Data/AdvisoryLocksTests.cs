using System.Reflection;
using DualPrevention.Core.Data;

namespace DualPrevention.Core.Tests.Data;

/// <summary>The advisory locks are listed in one place, and no two of them share a key.</summary>
public class AdvisoryLocksTests
{
    private static readonly Guid Enterprise = Guid.Parse("0195a3c4-7b1d-7c2e-9f00-1234567890ab");

    [Fact]
    public void No_two_locks_share_a_key()
    {
        var fixedLocks = typeof(AdvisoryLocks).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(AdvisoryLock))
            .Select(f => (AdvisoryLock)f.GetValue(null)!);
        var keys = fixedLocks
            .Append(AdvisoryLocks.RiskRegisterImport(Enterprise))
            .Append(AdvisoryLocks.HiddenDangerLedgerImport(Enterprise))
            .Select(l => l.KeySql)
            .ToList();

        keys.Count.ShouldBe(7);
        keys.ShouldBeUnique();
    }

    [Fact]
    public void A_job_lock_is_a_pair_of_keys_and_an_enterprise_lock_hashes_its_name()
    {
        AdvisoryLocks.TaskGeneration.TakeSql.ShouldBe("SELECT pg_advisory_xact_lock(7401, 1)");
        AdvisoryLocks.RiskRegisterImport(Enterprise).TakeSql
            .ShouldBe("SELECT pg_advisory_xact_lock(hashtextextended('risk-register-import:0195a3c4-7b1d-7c2e-9f00-1234567890ab', 0))");
    }

    [Fact]
    public void Two_enterprises_import_under_different_locks()
    {
        AdvisoryLocks.RiskRegisterImport(Enterprise).ShouldNotBe(AdvisoryLocks.RiskRegisterImport(Guid.CreateVersion7()));
    }
}
