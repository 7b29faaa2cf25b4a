using System.Globalization;
using System.Security.Claims;
using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Localization;
using DualPrevention.Web.Hosting;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.AspNetCore.Authorization;

namespace DualPrevention.Web.Inspections;

/// <summary>
/// The safety officer's inspection views under <c>/api/v1</c>: task definitions and their plan, 停用检修 records
/// per unit, the holiday calendar, the task board and 包保 completion. Reads are bounded by the tenant scope (a
/// foreign id answers 404); the register's editors plan tasks and record shutdowns; province staff and
/// administrators edit the holiday calendar. Local date-times carry no offset: they are Asia/Shanghai wall-clock times.
/// </summary>
internal static class InspectionAdminEndpoints
{
    private static readonly AuthorizationPolicy Editors = new AuthorizationPolicyBuilder().RequireRole(Roles.EnterpriseAdmin, Roles.SafetyOfficer).Build();

    private static readonly AuthorizationPolicy CalendarEditors = new AuthorizationPolicyBuilder().RequireRole(Roles.Admin, Roles.ProvinceStaff).Build();

    /// <summary>Body of a plan change: Asia/Shanghai start of window 0, inspection type, a person or a post or nobody.</summary>
    public sealed record PlanBody(DateTime FirstStartLocal, InspectionSource Source, Guid? AssigneeUserId, string? AssigneePost);

    /// <summary>Answer of a plan change: how many planned windows were dropped, to be generated again under the new plan.</summary>
    public sealed record PlanChange(int Dropped);

    /// <summary>Answer of a calendar day's creation: the day, which is also its key.</summary>
    public sealed record CreatedDay(DateOnly Date);

    public static RouteGroupBuilder MapInspectionAdminEndpoints(this RouteGroupBuilder api)
    {
        var inspections = api.MapGroup("/inspections").WithTags("Inspections");
        inspections.MapGet("/definitions", (ListInspectionTaskDefinitions.Handler handler, Guid? enterpriseId, Guid? unitId, string? search, string? sort,
                bool? descending, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(new(enterpriseId, unitId, search, Parse(sort, ListInspectionTaskDefinitions.SortBy.Unit, "sort"), descending ?? false, page ?? 1, pageSize ?? 20), ct))
            .WithName("ListInspectionTaskDefinitions")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        inspections.MapGet("/assignees", (ListInspectionAssignees.Handler handler, CancellationToken ct) => handler.HandleAsync(ct))
            .WithName("ListInspectionAssignees");
        inspections.MapPut("/definitions/{id:guid}/plan", async (ClaimsPrincipal user, Guid id, PlanBody body, PlanInspectionTask.Handler handler, CancellationToken ct) =>
            TypedResults.Ok(new PlanChange(await handler.HandleAsync(Actor.From(user), new(id, body.FirstStartLocal, body.Source, body.AssigneeUserId, body.AssigneePost), ct))))
            .RequireAuthorization(Editors)
            .WithName("PlanInspectionTask")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        inspections.MapGet("/board", (SummarizeInspectionBoard.Handler handler, TimeProvider clock, string? period, DateOnly? date, string? groupBy, Guid? enterpriseId,
                Guid? unitId, string? department, string? status, bool? sortByRate, bool? descending, int? page, int? pageSize, CancellationToken ct) =>
            handler.HandleAsync(
                new(date ?? BusinessTime.LocalDate(clock.GetUtcNow()), Parse(period, BoardPeriodKind.Day, "period"), Parse(groupBy, SummarizeInspectionBoard.Grouping.Unit, "groupBy"),
                    enterpriseId, unitId, department, ParseOptional<InspectionTaskStatus>(status, "status"), sortByRate ?? false, descending ?? false, page ?? 1, pageSize ?? 20),
                ct))
            .WithName("SummarizeInspectionBoard")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        inspections.MapGet("/accountability-completion", (SummarizeAccountabilityCompletion.Handler handler, TimeProvider clock, string? period, DateOnly? date,
                Guid? enterpriseId, CancellationToken ct) =>
            handler.HandleAsync(new(date ?? BusinessTime.LocalDate(clock.GetUtcNow()), Parse(period, BoardPeriodKind.Day, "period"), enterpriseId), ct))
            .WithName("SummarizeAccountabilityCompletion")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        var deactivations = api.MapGroup("/risk-register/units/{unitId:guid}/deactivations").WithTags("Inspections");
        deactivations.MapGet("/", (Guid unitId, ListDeactivationRecords.Handler handler, CancellationToken ct) => handler.HandleAsync(unitId, ct))
            .WithName("ListDeactivationRecords")
            .ProducesProblem(StatusCodes.Status404NotFound);
        deactivations.MapPost("/", async (ClaimsPrincipal user, Guid unitId, DeactivationInput body, CreateDeactivationRecord.Handler handler, CancellationToken ct) =>
        {
            var id = await handler.HandleAsync(Actor.From(user), new(unitId, body), ct);
            return TypedResults.Created($"/api/v1/risk-register/units/{unitId}/deactivations/{id}", new CreatedId(id));
        }).RequireAuthorization(Editors)
            .WithName("CreateDeactivationRecord")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        deactivations.MapPut("/{id:guid}", async (ClaimsPrincipal user, Guid unitId, Guid id, DeactivationInput body, UpdateDeactivationRecord.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(unitId, id, body), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Editors)
            .WithName("UpdateDeactivationRecord")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        deactivations.MapDelete("/{id:guid}", async (ClaimsPrincipal user, Guid unitId, Guid id, DeleteDeactivationRecord.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(unitId, id), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Editors)
            .WithName("DeleteDeactivationRecord")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var calendar = api.MapGroup("/holiday-calendar").WithTags("Inspections");
        calendar.MapGet("/", (ListHolidayCalendarDays.Handler handler, TimeProvider clock, int? year, CancellationToken ct) =>
            handler.HandleAsync(year ?? BusinessTime.LocalDate(clock.GetUtcNow()).Year, ct))
            .WithName("ListHolidayCalendarDays")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        calendar.MapPost("/", async (ClaimsPrincipal user, HolidayCalendarInput body, SaveHolidayCalendarDay.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(null, body), ct);
            return TypedResults.Created($"/api/v1/holiday-calendar/{body.Date:yyyy-MM-dd}", new CreatedDay(body.Date));
        }).RequireAuthorization(CalendarEditors)
            .WithName("AddHolidayCalendarDay")
            .ProducesValidationProblem();
        calendar.MapPut("/{date}", async (ClaimsPrincipal user, DateOnly date, HolidayCalendarInput body, SaveHolidayCalendarDay.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), new(date, body), ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(CalendarEditors)
            .WithName("UpdateHolidayCalendarDay")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        calendar.MapDelete("/{date}", async (ClaimsPrincipal user, DateOnly date, DeleteHolidayCalendarDay.Handler handler, CancellationToken ct) =>
        {
            await handler.HandleAsync(Actor.From(user), date, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(CalendarEditors)
            .WithName("DeleteHolidayCalendarDay")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>An enum query value by its name, any case (<c>week</c>, <c>Week</c>); the default when absent.</summary>
    /// <exception cref="ValidationException">The value names no member.</exception>
    private static T Parse<T>(string? value, T absent, string parameter)
        where T : struct, Enum =>
        ParseOptional<T>(value, parameter) ?? absent;

    private static T? ParseOptional<T>(string? value, string parameter)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        // Names only: Enum.TryParse also accepts numbers, which would let undefined values through.
        return !char.IsAsciiDigit(value[0]) && Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw new ValidationException([new ValidationFailure(parameter, CoreText.Get("Query.Value.Invalid", value, string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLower(CultureInfo.InvariantCulture)))))]);
    }
}
