using System.Globalization;
using System.Security.Claims;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Alarms;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Reports;
using DualPrevention.Web.Hosting;
using DualPrevention.Web.Shell;

namespace DualPrevention.Web.Alarms;

/// <summary>
/// The alarm centre under <c>/api/v1/alarms</c> (ADR 0037): the list and one alarm with its history in the caller's
/// tenant scope (a regulator reads its region's, read-only), and the life-cycle's steps for the enterprise's duty
/// roles. Another tenant's alarm answers 404, a malformed field 400 naming it, an illegal step 400 saying why.
/// </summary>
internal static class AlarmEndpoints
{
    public static RouteGroupBuilder MapAlarmEndpoints(this RouteGroupBuilder api)
    {
        var alarms = api.MapGroup("/alarms").WithTags("Alarms");
        // pastDue and before are the alarm-debt ledger's drill-down (ADR 0042); before is a Beijing date, exclusive.
        alarms.MapGet("/", (Guid? enterpriseId, bool? openOnly, AlarmSource? source, string? category, bool? pastDue, DateOnly? before, Guid? deviceId, int? page, int? pageSize,
                ListAlarms.Handler handler, CancellationToken ct) =>
                handler.HandleAsync(new ListAlarms.Query(enterpriseId, openOnly ?? false, source, category, page ?? 1, pageSize ?? 20, pastDue ?? false, before, deviceId), ct))
            .WithName("ListAlarms")
            .ProducesValidationProblem();

        // 报警处置台账 (ADR 0042): per enterprise of the caller's region (an enterprise: its own row) for a period, default
        // the current Beijing month; the same as a workbook in the request's language.
        alarms.MapGet("/ledger", ([AsParameters] LedgerQuery query, SummarizeAlarmDebt.Handler handler, TimeProvider clock, CancellationToken ct) =>
                handler.HandleAsync(query.ToQuery(clock), ct))
            .WithName("SummarizeAlarmDebt")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        alarms.MapGet("/ledger.xlsx", async ([AsParameters] LedgerQuery query, SummarizeAlarmDebt.Handler handler, TimeProvider clock, CancellationToken ct) =>
            {
                var summary = query.ToQuery(clock);
                var (regionCode, evaluatedAt, rows) = await handler.AllAsync(summary, ct);
                var header = new SummarizeAlarmDebt.Result(regionCode, summary.Period.Code, summary.Period.From, summary.Period.To, evaluatedAt, new([], rows.Count, 1, rows.Count));
                var culture = CultureInfo.CurrentUICulture;
                return TypedResults.Stream(
                    output => AlarmDebtWorkbook.WriteAsync(output, header, summary.Source, rows, culture, ct),
                    AlarmDebtWorkbook.ContentType,
                    AlarmDebtWorkbook.FileName(summary.Period.Code, culture));
            })
            .WithName("ExportAlarmDebt")
            .ProducesFile(AlarmDebtWorkbook.ContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        alarms.MapGet("/{id:guid}", async (Guid id, GetAlarm.Handler handler, CancellationToken ct) =>
            {
                var alarm = await handler.HandleAsync(id, ct);
                return TypedResults.Ok(alarm with { EvidencePhotoUrl = alarm.EvidencePhotoId is { } photo ? "/" + PhotoPicker.Url(photo) : null });
            })
            .WithName("GetAlarm")
            .WithSummary("One alarm with its history")
            .WithDescription("A resolved alarm's evidence photo is answered as evidencePhotoId and evidencePhotoUrl, the photo endpoint (GET /api/v1/inspections/photos/{id}) that serves it to whoever may read the alarm: its enterprise and the region's regulator; another tenant gets 404 there too.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        alarms.MapPost("/{id:guid}/confirm", async (ClaimsPrincipal user, Guid id, ConfirmAlarm.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new ConfirmAlarm.Command(id), ct);
            return TypedResults.NoContent();
        }).WithName("ConfirmAlarm")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        alarms.MapPost("/{id:guid}/false-alarm", async (ClaimsPrincipal user, Guid id, FalseAlarmBody body, MarkAlarmFalse.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new MarkAlarmFalse.Command(id, body.Reason, body.Note), ct);
            return TypedResults.NoContent();
        }).WithName("MarkAlarmFalse")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        alarms.MapPost("/{id:guid}/dispatch", async (ClaimsPrincipal user, Guid id, DispatchBody body, DispatchAlarm.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new DispatchAlarm.Command(id, body.AssigneeUserId, body.Deadline), ct);
            return TypedResults.NoContent();
        }).WithName("DispatchAlarm")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        alarms.MapPost("/{id:guid}/resolve", async (ClaimsPrincipal user, Guid id, ResolveBody body, ResolveAlarm.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new ResolveAlarm.Command(id, body.Evidence ?? "", body.PhotoId), ct);
            return TypedResults.NoContent();
        }).WithName("ResolveAlarm")
            .WithSummary("Resolve a confirmed or dispatched alarm with the evidence and an optional photo")
            .WithDescription("evidence is required. photoId is optional: upload the photo first (POST /api/v1/inspections/photos, JPEG or PNG up to 10 MB, proven by decoding, per-person quota), then pass the id it answered. It must be an upload of the alarm's enterprise not yet attached to anything, else 400; once the alarm is resolved the photo is kept and no longer expires. docs/domain/alarms.md#1-states, ADR 0037.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        alarms.MapGet("/{id:guid}/hidden-danger-draft", async (Guid id, ConvertAlarmToHiddenDanger.Handler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DraftAsync(id, ct)))
            .WithName("GetAlarmHiddenDangerDraft")
            .ProducesProblem(StatusCodes.Status404NotFound);
        alarms.MapPost("/{id:guid}/hidden-danger", async (ClaimsPrincipal user, Guid id, HiddenDangerReport report, ConvertAlarmToHiddenDanger.Handler handler, CancellationToken ct) =>
        {
            var hiddenDanger = await handler.HandleAsync(Actor.From(user), new ConvertAlarmToHiddenDanger.Command(id, report), ct);
            return TypedResults.Created($"/api/v1/hidden-dangers/{hiddenDanger}", new CreatedId(hiddenDanger));
        }).WithName("ConvertAlarmToHiddenDanger")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The ledger's query string: <c>?period=2026-11&amp;region=370200&amp;source=Video&amp;search=化工&amp;sort=PastDue&amp;descending=true</c>.</summary>
    /// <param name="Period">yyyy-MM, yyyy-Qn or yyyy; default the current Beijing month.</param>
    internal sealed record LedgerQuery(
        string? Period, string? Region, AlarmSource? Source, string? Search, SummarizeAlarmDebt.SortBy? Sort, bool? Descending, int? Page, int? PageSize)
    {
        public SummarizeAlarmDebt.Query ToQuery(TimeProvider clock) => new(
            Period is null ? ReportPeriod.Containing(ReportPeriodKind.Month, BusinessTime.LocalDate(clock.GetUtcNow())) : ReportPeriod.FromInput(Period),
            Region, Source, Search, Sort ?? SummarizeAlarmDebt.SortBy.OpenDebt, Descending ?? true, Page ?? 1, PageSize ?? 20);
    }

    /// <summary>误报: the reason, and a note (required for <see cref="FalseAlarmReason.Other"/>).</summary>
    public sealed record FalseAlarmBody(FalseAlarmReason Reason, string? Note);

    /// <summary>派单: the account dispatched to and the handling deadline (UTC or with an offset).</summary>
    public sealed record DispatchBody(Guid AssigneeUserId, DateTimeOffset Deadline);

    /// <summary>
    /// 处置完毕: what was done, and the id of an evidence photo uploaded first through <c>POST /api/v1/inspections/photos</c>
    /// (unclaimed, of the alarm's enterprise; kept from then on). The alarm then answers its <c>evidencePhotoUrl</c>.
    /// </summary>
    public sealed record ResolveBody(string? Evidence, Guid? PhotoId);
}
