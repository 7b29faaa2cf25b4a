using DualPrevention.Core.Accounts;
using DualPrevention.Core.Inspections;
using DualPrevention.Core.Tenancy;
using DualPrevention.Testing;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.IntegrationTests.Inspections;

public class ListMyTasksTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    [Fact]
    public async Task My_tasks_are_the_open_overdue_and_later_today_windows_for_me_my_post_or_nobody_grouped_by_unit()
    {
        // Daily windows run midnight to midnight, Shanghai time.
        var site = await InspectionSite.PrepareAsync(database, database.Wf1, "1#装车台", "静电接地", "鹤管完好", "别人的任务", "班组的任务");
        var inspector = await InspectionSite.ActorAsync(database, "demo-wf1-inspector", Roles.Inspector);
        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            var other = await owner.Users.Where(u => u.UserName == "demo-wf1-admin").Select(u => u.Id).SingleAsync();
            await owner.Users.Where(u => u.UserName == "demo-wf1-inspector").ExecuteUpdateAsync(u => u.SetProperty(x => x.Post, "装车班"));
            await AssignAsync(owner, "检查：别人的任务", other, null);
            await AssignAsync(owner, "检查：班组的任务", null, "装车班");
        }

        var today = await ListAsync(inspector);
        var yesterday = await site.OpenWindowAsync("静电接地");
        database.Clock.SetUtcNow(yesterday.WindowEnd.AddHours(1));
        await site.GenerateAsync();
        await InspectionSite.SubmitAsync(database, inspector, InspectionSite.Check((await site.OpenWindowAsync("鹤管完好")).Id));
        var tomorrow = await ListAsync(inspector);

        var unit = today.Single(u => u.UnitId == site.UnitId);
        (unit.UnitName, unit.ObjectName).ShouldBe(("1#装车台", "罐区"));
        unit.Tasks.Select(t => t.Content).Order().ShouldBe(["检查：班组的任务", "检查：静电接地", "检查：鹤管完好"]);
        unit.Tasks.ShouldAllBe(t => !t.IsOverdue);
        var next = tomorrow.Single(u => u.UnitId == site.UnitId).Tasks;
        next.Where(t => t.IsOverdue).Select(t => t.Content).Order().ShouldBe(["检查：班组的任务", "检查：静电接地", "检查：鹤管完好"]);
        next.Where(t => !t.IsOverdue).Select(t => t.Content).Order().ShouldBe(["检查：班组的任务", "检查：静电接地"]);
        next[0].IsOverdue.ShouldBeTrue("overdue windows come first");
    }

    [Fact]
    public async Task A_units_list_shows_every_due_window_of_the_unit_whoever_it_is_assigned_to()
    {
        var site = await InspectionSite.PrepareAsync(database, database.Qd2, "2#装车台", "消防器材", "他人的任务");
        var inspector = await InspectionSite.ActorAsync(database, "demo-qd2-inspector", Roles.Inspector);
        await using (var owner = database.OwnerContext(TenantScope.System))
        {
            var other = await owner.Users.Where(u => u.UserName == "demo-qd2-admin").Select(u => u.Id).SingleAsync();
            await AssignAsync(owner, "检查：消防器材", other, null);
            await AssignAsync(owner, "检查：他人的任务", other, null);
        }

        var unit = await InspectionSite.AsAsync<ListUnitTasks.Handler, UnitTasks>(
            database, inspector, h => h.HandleAsync(inspector, new ListUnitTasks.Query(site.UnitId), CancellationToken.None));
        var mine = await ListAsync(inspector);

        unit.Tasks.Select(t => t.Content).Order().ShouldBe(["检查：他人的任务", "检查：消防器材"]);
        unit.Tasks.ShouldAllBe(t => t.Status == InspectionTaskStatus.Open && t.WindowStart <= database.Clock.GetUtcNow());
        mine.ShouldNotContain(u => u.UnitId == site.UnitId);
    }

    /// <summary>Assigns a definition and its windows, as planning the task would.</summary>
    private static async Task AssignAsync(Core.Data.DualPreventionDbContext owner, string content, Guid? user, string? post)
    {
        await owner.Database.ExecuteSqlAsync(
            $"UPDATE inspection_task_definition SET assignee_user_id = {user}, assignee_post = {post} WHERE content = {content}");
        await owner.Database.ExecuteSqlAsync(
            $"UPDATE inspection_task t SET assignee_user_id = {user}, assignee_post = {post} FROM inspection_task_definition d WHERE d.id = t.definition_id AND d.content = {content}");
    }

    private Task<IReadOnlyList<UnitTasks>> ListAsync(Actor actor) =>
        InspectionSite.AsAsync<ListMyTasks.Handler, IReadOnlyList<UnitTasks>>(database, actor, h => h.HandleAsync(actor, CancellationToken.None));
}
