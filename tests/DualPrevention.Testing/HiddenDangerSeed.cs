using DualPrevention.Core.Escalations;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Testing;

/// <summary>
/// Puts hidden dangers, major cases, postings and escalation records straight into a test database, as the
/// workflow and the escalation job would leave them.
/// </summary>
public static class HiddenDangerSeed
{
    /// <summary>A hidden danger of <paramref name="enterpriseId"/>; a major one that is open also gets its case, reported to the bureau.</summary>
    public static async Task<Guid> AddAsync(
        TestDatabase database, Guid enterpriseId, string name, HiddenDangerLevel level = HiddenDangerLevel.General,
        HiddenDangerState state = HiddenDangerState.Rectifying, DateOnly? deadline = null, DateOnly? foundOn = null, string? ledgerNo = null,
        HiddenDangerOrigin? origin = null, InspectionSource? source = null, bool reportMajor = true)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        var entry = new LedgerEntry(
            ledgerNo ?? Guid.NewGuid().ToString("N")[..16], name, $"{name}的描述", level, state, null, null, null, null, null, null, null, "张工",
            foundOn ?? new DateOnly(2026, 10, 1), deadline, null, null, null, null);
        var hiddenDanger = HiddenDanger.FromLedger(entry, enterpriseId, regionCode, null, "seed", database.Clock.GetUtcNow());
        db.HiddenDangers.Add(hiddenDanger);
        if (level == HiddenDangerLevel.Major && reportMajor)
        {
            db.MajorHiddenDangerCases.Add(MajorHiddenDangerCase.Open(hiddenDanger, database.Clock.GetUtcNow()));
        }

        await db.SaveChangesAsync();
        if (origin is not null || source is not null)
        {
            await db.Database.ExecuteSqlAsync(
                $"UPDATE hidden_danger SET origin = COALESCE({(int?)origin}, origin), source = COALESCE({(int?)source}, source) WHERE id = {hiddenDanger.Id}");
        }

        return hiddenDanger.Id;
    }

    /// <summary>
    /// Tops <paramref name="enterpriseId"/>'s ledger up to <paramref name="count"/> general hidden dangers being
    /// rectified, named 台账隐患0000, 台账隐患0001, …, in one save (a ledger too large for a file made at once).
    /// </summary>
    public static async Task FillLedgerAsync(TestDatabase database, Guid enterpriseId, int count)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        var existing = await db.HiddenDangers.CountAsync(h => h.EnterpriseId == enterpriseId);
        var regionCode = await db.Enterprises.Where(e => e.Id == enterpriseId).Select(e => e.RegionCode).SingleAsync();
        for (var i = existing; i < count; i++)
        {
            var name = $"台账隐患{i:D4}";
            var entry = new LedgerEntry(
                $"L{i:D5}", name, $"{name}的描述", HiddenDangerLevel.General, HiddenDangerState.Rectifying, null, null, null, null, null, null, null, "张工",
                new DateOnly(2026, 10, 1).AddDays(i % 30), new DateOnly(2026, 12, 31), null, null, null, null);
            db.HiddenDangers.Add(HiddenDanger.FromLedger(entry, enterpriseId, regionCode, null, "seed", database.Clock.GetUtcNow()));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>Marks a major hidden danger's case as posted (挂牌督办) by the city.</summary>
    public static async Task PostAsync(TestDatabase database, Guid hiddenDangerId)
    {
        await using var db = database.OwnerContext(TenantScope.System);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE major_hidden_danger_case SET posted_at = {database.Clock.GetUtcNow()}, posting_level = {(int)PostingLevel.City}, posting_notice_no = {"青应督〔2026〕1号"} WHERE hidden_danger_id = {hiddenDangerId}");
    }

    /// <summary>Records that escalation step <paramref name="stepCode"/> fired for a hidden danger.</summary>
    public static Task EscalateAsync(TestDatabase database, Guid hiddenDangerId, string stepCode, EscalationTarget target) =>
        InsertRecordAsync(database, hiddenDangerId, EscalationSubject.HiddenDanger, "", stepCode, target,
            "SELECT enterprise_id, region_code FROM hidden_danger WHERE id = @subject");

    /// <summary>Records that an enterprise was escalated for missed windows in ISO week <paramref name="period"/>.</summary>
    public static Task EscalateMissedWindowsAsync(TestDatabase database, Guid enterpriseId, string period, EscalationTarget target = EscalationTarget.CitySupervision) =>
        InsertRecordAsync(database, enterpriseId, EscalationSubject.MissedWindows, period, "missed-windows-city", target,
            "SELECT id, region_code FROM enterprise WHERE id = @subject");

    private static async Task InsertRecordAsync(
        TestDatabase database, Guid subjectId, EscalationSubject subject, string period, string stepCode, EscalationTarget target, string owner)
    {
        await using var connection = new Npgsql.NpgsqlConnection(database.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            $"""
            INSERT INTO escalation_record (id, enterprise_id, region_code, subject, subject_id, period, step_code, target, trigger, fired_at)
            SELECT @id, o.*, @kind, @subject, @period, @step, @target, (SELECT min(trigger) FROM escalation_rule WHERE step_code = @step), @at
            FROM ({owner}) o
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("kind", (int)subject);
        command.Parameters.AddWithValue("subject", subjectId);
        command.Parameters.AddWithValue("period", period);
        command.Parameters.AddWithValue("step", stepCode);
        command.Parameters.AddWithValue("target", (int)target);
        command.Parameters.AddWithValue("at", database.Clock.GetUtcNow());
        (await command.ExecuteNonQueryAsync()).ShouldBeOne();
    }

    private static void ShouldBeOne(this int rows)
    {
        if (rows != 1)
        {
            throw new InvalidOperationException($"Expected one escalation record, inserted {rows}.");
        }
    }
}
