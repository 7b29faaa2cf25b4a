using DualPrevention.Core;
using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.Core.Risks;
using DualPrevention.Core.ToDos;
using DualPrevention.IntegrationTests.HiddenDangers;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.ToDos;

/// <summary>
/// 我的待办 follows a hidden danger through the loop: each step leaves the item on the to-do list of whoever acts next,
/// and never on another enterprise's or another bureau's.
/// </summary>
public sealed class ListMyToDosTests(DemoDatabase database) : IClassFixture<DemoDatabase>, IAsyncLifetime
{
    private readonly HiddenDangerDriver _driver = new(database);
    private Actor _admin = null!;
    private Actor _inspector = null!;
    private Actor _wf1Admin = null!;
    private Actor _qingdao = null!;
    private Actor _weifang = null!;

    public async Task InitializeAsync()
    {
        _admin = await _driver.ActorAsync("demo-qd1-admin");
        _inspector = await _driver.ActorAsync("demo-qd1-inspector");
        _wf1Admin = await _driver.ActorAsync("demo-wf1-admin");
        _qingdao = await _driver.ActorAsync("qingdao");
        _weifang = await _driver.ActorAsync("weifang");
    }

    public async Task DisposeAsync() => await _driver.DisposeAsync();

    [Fact]
    public async Task Each_step_puts_the_item_on_the_list_of_whoever_acts_next_and_only_there()
    {
        var id = await _driver.ReportAsync(_inspector);
        (await KindsOfAsync(_admin, id)).ShouldBe([ToDoKind.ToConfirm]);
        (await KindsOfAsync(_inspector, id)).ShouldBeEmpty();

        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(7));
        (await KindsOfAsync(_inspector, id)).ShouldBe([ToDoKind.ToRectify]);
        (await KindsOfAsync(_admin, id)).ShouldBeEmpty();

        await _driver.RectifyAsync(_inspector, id);
        (await KindsOfAsync(_admin, id)).ShouldBe([ToDoKind.ToAccept]);
        (await KindsOfAsync(_inspector, id)).ShouldBeEmpty();

        await _driver.AcceptAsync(_admin, id);
        (await KindsOfAsync(_admin, id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_submitter_of_a_rectification_is_not_asked_to_accept_it()
    {
        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(7));
        await _driver.RectifyAsync(_admin, id);

        (await KindsOfAsync(_admin, id)).ShouldNotContain(ToDoKind.ToAccept);
    }

    [Fact]
    public async Task Another_enterprise_and_another_city_never_see_the_items()
    {
        var id = await _driver.ReportAsync(_inspector, HiddenDangerLevel.Major, new MajorGrading([12], null));
        await _driver.RunAsync<PostHiddenDanger.Handler>(_qingdao, h => h.HandleAsync(
            _qingdao, new(id, new Posting(PostingLevel.City, "青岛市安委会", "青安委督〔2026〕10号", _driver.Today.AddDays(60))), default));

        (await KindsOfAsync(_qingdao, id)).ShouldBe([ToDoKind.Supervised]);
        (await KindsOfAsync(_admin, id)).ShouldBe([ToDoKind.ToConfirm, ToDoKind.Supervised], ignoreOrder: true);
        (await KindsOfAsync(_wf1Admin, id)).ShouldBeEmpty();
        (await KindsOfAsync(_weifang, id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_check_says_when_its_window_closes_and_a_hidden_danger_its_deadline()
    {
        var register = await HandBuiltRegister.ForAsync(database, database.Qd1);
        await register.AnalysisObject("O-待办截止", "待办截止").Unit("待办截止单元").Event("泄漏", "火灾", l: 3, s: 3)
            .Measure(HandBuiltRegister.Check("每日待办检查", 1, CycleUnit.Day)).SaveAsync();
        await InspectionWindows.GenerateAsync(database, database.Qd1);
        var check = (await ListAsync(_inspector)).Groups.Single(g => g.Kind == ToDoKind.ChecksDue).Items.Single(i => i.Title.Contains("每日待办检查"));
        check.DueAt.ShouldBe(BusinessTime.FromLocal(BusinessTime.LocalDate(database.Clock.GetUtcNow()).AddDays(1).ToDateTime(TimeOnly.MinValue)));
        check.Deadline.ShouldBeNull();

        var id = await _driver.ReportAsync(_inspector);
        await _driver.ConfirmAsync(_admin, id, _inspector.Scope.UserId!.Value, _driver.Today.AddDays(7));
        var rectify = (await ListAsync(_inspector)).Groups.SelectMany(g => g.Items).Single(i => i.Id == id);
        rectify.Deadline.ShouldBe(_driver.Today.AddDays(7));
        rectify.DueAt.ShouldBeNull();
    }

    [Fact]
    public async Task The_counts_are_the_totals_the_bell_shows()
    {
        await _driver.ReportAsync(_inspector);
        var list = await ListAsync(_admin);

        list.Total.ShouldBe(list.Groups.Sum(g => g.Count));
        list.Groups.Single(g => g.Kind == ToDoKind.ToConfirm).Count.ShouldBeGreaterThanOrEqualTo(1);
        list.Groups.ShouldAllBe(g => g.Items.Count == Math.Min(g.Count, ListMyToDos.ItemsPerKind));
    }

    private Task<ListMyToDos.ToDoList> ListAsync(Actor actor) =>
        _driver.RunAsync<ListMyToDos.Handler, ListMyToDos.ToDoList>(actor, h => h.HandleAsync(actor, default));

    private async Task<List<ToDoKind>> KindsOfAsync(Actor actor, Guid id) =>
        [.. (await ListAsync(actor)).Groups.SelectMany(g => g.Items).Where(i => i.Id == id).Select(i => i.Kind)];
}
