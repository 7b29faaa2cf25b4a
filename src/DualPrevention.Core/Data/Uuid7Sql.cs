namespace DualPrevention.Core.Data;

/// <summary>
/// Version-7 UUIDs (RFC 9562, the kind <see cref="Guid.CreateVersion7()"/> makes) for set-based inserts, where
/// PostgreSQL 15 has only the random <c>gen_random_uuid()</c>: 48 bits of Unix milliseconds, the version, 40 random
/// bits drawn once per statement, the variant, and a 32-bit row counter (RFC 9562 §6.2, method 1). Ids made by one
/// statement ascend, so its rows append to the primary key's right edge instead of splitting pages all over it, and
/// one random draw replaces one per row (docs/benchmarks.md, escalation).
/// </summary>
internal static class Uuid7Sql
{
    /// <summary>
    /// SQL for the id of the row numbered by <paramref name="counter"/> (1, 2, … within the statement, e.g.
    /// <c>row_number() OVER ()</c>) at <paramref name="instant"/> (a timestamptz expression, e.g. <c>@now</c>).
    /// </summary>
    public static string Id(string instant, string counter) => $"""
        ((SELECT lpad(to_hex((extract(epoch FROM {instant}) * 1000)::bigint), 12, '0') || '7' || substr(r, 1, 3) || '8' || substr(r, 4, 7)
          FROM (SELECT replace(gen_random_uuid()::text, '-', '') AS r) random_bits)
         || lpad(to_hex({counter}), 8, '0'))::uuid
        """;
}
