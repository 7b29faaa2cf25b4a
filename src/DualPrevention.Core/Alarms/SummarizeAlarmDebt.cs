using System.Globalization;
using DualPrevention.Core.Data;
using DualPrevention.Core.Localization;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Reports;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Tenancy;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace DualPrevention.Core.Alarms;

/// <summary>
/// 报警处置台账 (the alarm-debt ledger, ADR 0042): for a period and the caller's region, one row per enterprise with the
/// alarms raised, the open debt (alarms raised before the period's end that have no outcome now) and how much of it is
/// past its deadline, the median and 90th percentile of the time to review and to close, and the false-alarm rate —
/// optionally for one source. One statement over <c>alarm</c> and <c>enterprise</c> (<see cref="Sql"/>), under the
/// caller's row-level security and narrowed to the region explicitly as well; an enterprise reads its own row only.
/// </summary>
public static class SummarizeAlarmDebt
{
    /// <summary>Longest search text (an enterprise's name or part of it).</summary>
    public const int SearchLength = 100;

    /// <summary>Most rows a file holds: every enterprise of a province with alarms, by a wide margin.</summary>
    public const int MaxFileRows = 20_000;

    /// <summary>The columns the ledger sorts by; nulls (no alarm reviewed or closed yet) sort last either way.</summary>
    public enum SortBy
    {
        OpenDebt = 0,
        PastDue = 1,
        Raised = 2,
        Enterprise = 3,
        ReviewMedian = 4,
        CloseMedian = 5,
        FalseAlarmRate = 6,
    }

    /// <param name="RegionCode">A city or county inside the caller's region; null = the caller's whole scope.</param>
    /// <param name="Source">Only alarms of this source; null = every source.</param>
    /// <param name="Search">Part of an enterprise's name (case-insensitive).</param>
    public sealed record Query(
        ReportPeriod Period, string? RegionCode = null, AlarmSource? Source = null, string? Search = null, SortBy Sort = SortBy.OpenDebt,
        bool Descending = true, int Page = 1, int PageSize = 20);

    /// <summary>One enterprise's figures; durations in whole seconds, null when no alarm of the period reached that step.</summary>
    /// <param name="Raised">Alarms raised in the period (merged repeats not counted: their open alarm stands for them).</param>
    /// <param name="OpenDebt">Alarms raised before the period's end still without an outcome now.</param>
    /// <param name="PastDue">Of the open debt: new alarms past their confirmation deadline and dispatched ones past the dispatch deadline.</param>
    /// <param name="FalseAlarms">Alarms of the period marked false.</param>
    /// <param name="Reviewed">Alarms of the period reviewed (confirmed or marked false): the false-alarm rate's base.</param>
    /// <param name="FalseAlarmPercent">FalseAlarms ÷ Reviewed in whole percent (<see cref="Percent"/>), null when none was reviewed.</param>
    public sealed record Row(
        Guid EnterpriseId, string EnterpriseName, string RegionCode, int Raised, int OpenDebt, int PastDue,
        int? ReviewMedianSeconds, int? ReviewP90Seconds, int? CloseMedianSeconds, int? CloseP90Seconds, int FalseAlarms, int Reviewed, int? FalseAlarmPercent);

    /// <param name="Before">The local date after the period (its exclusive end): the drill-down's <c>before</c> filter.</param>
    public sealed record Result(string RegionCode, string Period, DateOnly From, DateOnly Before, DateTimeOffset EvaluatedAt, Paged<Row> Rows);

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Search).MaximumLength(SearchLength).WithName(_ => CoreText.Get("Field.Alarms.Search"));
            RuleFor(q => q.Sort).IsInEnum().WithName(_ => CoreText.Get("Field.Alarms.Sort"));
            RuleFor(q => q.Source).IsInEnum().WithName(_ => CoreText.Get("Field.Alarms.Source"));
        }
    }

    public sealed class Handler(IDbContextFactory<DualPreventionDbContext> dbFactory, ITenantScopeAccessor scopes, TimeProvider clock)
    {
        private readonly Validator _validator = new();

        /// <exception cref="ValidationException">The search is too long.</exception>
        /// <exception cref="DomainRuleException">The region code is not six digits, or the system scope named none.</exception>
        /// <exception cref="NotFoundException">The region is unknown or outside the caller's scope.</exception>
        public async Task<Result> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(query, cancellationToken);
            var page = Paging.ClampPage(query.Page);
            var pageSize = Paging.ClampPageSize(query.PageSize);
            var (regionCode, now, rows, total) = await ReadAsync(query, (page - 1) * pageSize, pageSize, cancellationToken);
            return new Result(regionCode, query.Period.Code, query.Period.From, query.Period.To, now, new Paged<Row>(rows, total, page, pageSize));
        }

        /// <summary>Every row in the ledger's order, for the file (at most <see cref="MaxFileRows"/>).</summary>
        public async Task<(string RegionCode, DateTimeOffset EvaluatedAt, IReadOnlyList<Row> Rows)> AllAsync(Query query, CancellationToken cancellationToken)
        {
            await _validator.ValidateAndThrowAsync(query, cancellationToken);
            var (regionCode, now, rows, _) = await ReadAsync(query, 0, MaxFileRows, cancellationToken);
            return (regionCode, now, rows);
        }

        private async Task<(string RegionCode, DateTimeOffset Now, List<Row> Rows, int Total)> ReadAsync(Query query, int offset, int limit, CancellationToken cancellationToken)
        {
            var scope = scopes.Current;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var regionCode = await ReportRegion.ResolveAsync(db, scope, query.RegionCode, cancellationToken);
            var now = clock.GetUtcNow();
            await db.Database.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand(Sql.Ledger(query.Sort, query.Descending), (NpgsqlConnection)db.Database.GetDbConnection());
            command.Parameters.AddWithValue("prefix", RegionCodes.Prefix(regionCode));
            command.Parameters.Add(new NpgsqlParameter("enterprise", NpgsqlTypes.NpgsqlDbType.Uuid) { Value = (object?)scope.EnterpriseId ?? DBNull.Value });
            command.Parameters.AddWithValue("search", RegisterSearch.Pattern(query.Search) ?? "");
            command.Parameters.Add(new NpgsqlParameter("source", NpgsqlTypes.NpgsqlDbType.Integer) { Value = (object?)(int?)query.Source ?? DBNull.Value });
            command.Parameters.AddWithValue("start", query.Period.StartUtc);
            command.Parameters.AddWithValue("end", query.Period.EndUtc);
            command.Parameters.AddWithValue("now", now);
            command.Parameters.AddWithValue("limit", limit);
            command.Parameters.AddWithValue("offset", offset);
            var rows = new List<Row>();
            var total = 0;
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                total = (int)reader.GetInt64(12);
                var falseAlarms = (int)reader.GetInt64(10);
                var reviewed = (int)reader.GetInt64(11);
                rows.Add(new Row(
                    reader.GetGuid(0), reader.GetString(1), reader.GetString(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4), (int)reader.GetInt64(5),
                    Seconds(reader, 6), Seconds(reader, 7), Seconds(reader, 8), Seconds(reader, 9), falseAlarms, reviewed, Percent.Round(Percent.Of(falseAlarms, reviewed))));
            }

            return (regionCode, now, rows, total);
        }

        private static int? Seconds(NpgsqlDataReader reader, int ordinal) =>
            reader.IsDBNull(ordinal) ? null : (int)Math.Round(reader.GetDouble(ordinal), MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The ledger's statement. Times are measured from <c>raised_at</c> (when the alarm centre received the alarm, on the
    /// server's clock) to <c>reviewed_at</c> (the first confirm or false) and to <c>closed_at</c> (the outcome): a
    /// source's clock may be off, ours is the one the deadlines run on (ADR 0042).
    /// </summary>
    internal static class Sql
    {
        private static readonly string Open = AlarmStates.Open.Sql("a.status");
        private static readonly int Merged = (int)AlarmStatus.Merged;
        private static readonly int New = (int)AlarmStatus.New;
        private static readonly int Dispatched = (int)AlarmStatus.Dispatched;
        private static readonly int FalseAlarm = (int)AlarmStatus.FalseAlarm;

        public static string Ledger(SortBy sort, bool descending)
        {
            var direction = descending ? "DESC" : "ASC";
            var order = sort switch
            {
                SortBy.OpenDebt => $"f.open_debt {direction}",
                SortBy.PastDue => $"f.past_due {direction}",
                SortBy.Raised => $"f.raised {direction}",
                SortBy.Enterprise => $"s.name {direction}",
                SortBy.ReviewMedian => $"f.review_p50 {direction} NULLS LAST",
                SortBy.CloseMedian => $"f.close_p50 {direction} NULLS LAST",
                SortBy.FalseAlarmRate => $"f.false_alarms::numeric / nullif(f.reviewed, 0) {direction} NULLS LAST",
            };

            // The alarms read: those raised in the period, and older ones still open (the debt carried into it).
            return string.Create(CultureInfo.InvariantCulture, $"""
                WITH scoped AS (
                  SELECT e.id, e.name, e.region_code
                  FROM enterprise e
                  WHERE starts_with(e.region_code, @prefix)
                    AND (@enterprise IS NULL OR e.id = @enterprise)
                    AND (@search = '' OR e.name ILIKE @search ESCAPE '\')
                ), periods AS (
                  SELECT a.enterprise_id, a.status, a.confirm_due_at, a.dispatch_deadline, a.raised_at >= @start AS in_period,
                         extract(epoch FROM a.reviewed_at - a.raised_at) AS review_seconds,
                         extract(epoch FROM a.closed_at - a.raised_at) AS close_seconds
                  FROM alarm a
                  JOIN scoped s ON s.id = a.enterprise_id
                  WHERE a.status <> {Merged}
                    AND a.raised_at < @end
                    AND (a.raised_at >= @start OR {Open})
                    AND (@source IS NULL OR a.source = @source)
                ), f AS (
                  SELECT a.enterprise_id,
                         count(*) FILTER (WHERE a.in_period) AS raised,
                         count(*) FILTER (WHERE {Open}) AS open_debt,
                         count(*) FILTER (WHERE (a.status = {New} AND a.confirm_due_at <= @now)
                                             OR (a.status = {Dispatched} AND a.dispatch_deadline <= @now)) AS past_due,
                         percentile_cont(0.5) WITHIN GROUP (ORDER BY a.review_seconds) FILTER (WHERE a.in_period) AS review_p50,
                         percentile_cont(0.9) WITHIN GROUP (ORDER BY a.review_seconds) FILTER (WHERE a.in_period) AS review_p90,
                         percentile_cont(0.5) WITHIN GROUP (ORDER BY a.close_seconds) FILTER (WHERE a.in_period) AS close_p50,
                         percentile_cont(0.9) WITHIN GROUP (ORDER BY a.close_seconds) FILTER (WHERE a.in_period) AS close_p90,
                         count(*) FILTER (WHERE a.in_period AND a.status = {FalseAlarm}) AS false_alarms,
                         count(a.review_seconds) FILTER (WHERE a.in_period) AS reviewed
                  FROM periods a
                  GROUP BY a.enterprise_id
                )
                SELECT s.id, s.name, s.region_code, f.raised, f.open_debt, f.past_due, f.review_p50, f.review_p90, f.close_p50, f.close_p90,
                       f.false_alarms, f.reviewed, count(*) OVER () AS total
                FROM f
                JOIN scoped s ON s.id = f.enterprise_id
                ORDER BY {order}, s.name, s.id
                LIMIT @limit OFFSET @offset
                """);
        }
    }
}
