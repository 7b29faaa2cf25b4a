using DualPrevention.Core.Accounts;
using DualPrevention.Core.HiddenDangers;
using DualPrevention.IntegrationTests.Escalations;
using DualPrevention.Testing;

namespace DualPrevention.IntegrationTests.HiddenDangers;

/// <summary>
/// By default the province sees what the ladder escalated to it (the escalation job's records), not every
/// major hidden danger of the province; all open major ones remain one option away. The tests share one clock that
/// only moves forward, so dates are relative to it.
/// </summary>
public sealed class ProvinceSupervisionListTests(DemoDatabase database) : IClassFixture<DemoDatabase>
{
    private static readonly Actor Province = As.Region("370000", Roles.ProvinceStaff);

    [Fact]
    public async Task A_just_registered_major_hidden_danger_is_on_the_province_list_only_when_all_major_ones_are_asked_for()
    {
        var major = await HiddenDangerSeed.AddAsync(database, database.Qd1, "液化烃球罐安全阀失效", HiddenDangerLevel.Major, deadline: database.DeadlineAhead(60));
        await database.EscalateAsync();

        (await ProvinceAsync(allMajor: false)).Items.Items.ShouldNotContain(r => r.HiddenDangerId == major);
        var row = (await ProvinceAsync(allMajor: true)).Items.Items.Single(r => r.HiddenDangerId == major);
        row.Reasons.ShouldBe([SupervisionReason.OpenMajor]);
    }

    [Fact]
    public async Task A_posted_major_hidden_danger_past_its_posting_deadline_is_on_the_default_province_list()
    {
        var postingDeadline = database.DeadlineAhead(5);
        var posted = await ForcedHiddenDanger.Of(database.Wf1).PostedUntil(postingDeadline).DueOn(database.DeadlineAhead(90)).SaveAsync(database);
        await database.EscalateAsync();
        (await ProvinceAsync(allMajor: false)).Items.Items.ShouldNotContain(r => r.HiddenDangerId == posted);

        database.SetLocalDay(postingDeadline.AddDays(1));
        await database.EscalateAsync();

        var row = (await ProvinceAsync(allMajor: false)).Items.Items.Single(r => r.HiddenDangerId == posted);
        row.Reasons.ShouldBe([SupervisionReason.Posted, SupervisionReason.Escalated]);
        row.StepCodes.ShouldBe(["posted-overdue-province"]);
    }

    [Fact]
    public async Task What_the_province_posted_itself_is_on_its_default_list()
    {
        var major = await HiddenDangerSeed.AddAsync(database, database.Qd2, "重点监管工艺未实现自动化控制", HiddenDangerLevel.Major, deadline: database.DeadlineAhead(60));
        var posting = new Posting(PostingLevel.Province, "山东省安委会", "鲁安委督〔2026〕3号", database.DeadlineAhead(60));
        await As.RunAsync<PostHiddenDanger.Handler, bool>(database, Province, async h =>
        {
            await h.HandleAsync(Province, new(major, posting), CancellationToken.None);
            return true;
        });

        var row = (await ProvinceAsync(allMajor: false)).Items.Items.Single(r => r.HiddenDangerId == major);
        row.Reasons.ShouldBe([SupervisionReason.Posted]);
    }

    private Task<SupervisionList.Result> ProvinceAsync(bool allMajor) =>
        As.RunAsync<ListProvinceSupervision.Handler, SupervisionList.Result>(
            database, Province, h => h.HandleAsync(Province, new ListProvinceSupervision.Query(AllMajor: allMajor, PageSize: 100), CancellationToken.None));
}
