using DualPrevention.Core.Data;
using DualPrevention.Core.Positioning;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DualPrevention.Core.Demo;

/// <summary>
/// The demo's positioning registry (ADR 0036): each demo enterprise gets 22 tags, 17 employees, 2 contractors' welders
/// and a visitor, registered and bound through the real handlers, so the registry's pages are not empty on first
/// start: every employee and contractor wears a tag, the visitor holds a temporary one until the evening, and two tags
/// lie free at the gate. One welder's certificate expires within the month, the other's has expired; the first two
/// employees hold guardians' certificates. Skipped when the enterprise has a tag already.
/// </summary>
internal static class DemoPositioningRegistry
{
    public const int Tags = 22;

    /// <summary>Employees holding a guardian's training certificate (监护人培训合格证), valid for most of a year.</summary>
    private const int GuardianCount = 2;

    private static readonly string[] EmployeeNames =
    [
        "王建国", "李志强", "张伟", "刘洋", "陈静", "杨帆", "赵磊", "黄海", "周涛", "吴敏", "徐明", "孙丽", "马超", "朱军", "胡波",
        "郭勇", "何平",
    ];

    /// <returns>Whether the registry was filled.</returns>
    public static async Task<bool> RegisterIfNoneAsync(IServiceScopeFactory scopes, Guid enterpriseId, string codePrefix, string adminUserName, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var scope = DemoImports.AdminScope(scopes, enterpriseId, adminUserName, out var actor);
        await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<DualPreventionDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await db.Set<PositioningTag>().AnyAsync(cancellationToken))
            {
                return false;
            }
        }

        var registerTag = scope.ServiceProvider.GetRequiredService<RegisterPositioningTag.Handler>();
        var tags = new List<Guid>();
        for (var i = 1; i <= Tags; i++)
        {
            var kind = i % 4 == 0 ? TagKind.Wristband : i % 2 == 0 ? TagKind.Helmet : TagKind.Badge;
            tags.Add(await registerTag.HandleAsync(actor, new RegisterPositioningTag.Command($"{codePrefix.ToUpperInvariant()}-T{i:000}", kind), cancellationToken));
        }

        var today = BusinessTime.LocalDate(clock.GetUtcNow());
        var registerPerson = scope.ServiceProvider.GetRequiredService<RegisterPerson.Handler>();
        var people = new List<Guid>();
        foreach (var (name, index) in EmployeeNames.Select((name, index) => (name, index)))
        {
            // The first two are the plant's trained guardians, so that a new user's first permit can name one.
            IReadOnlyList<RegisterPerson.Certificate>? certificates = index < GuardianCount
                ? [new("监护人培训合格证", $"JH-{codePrefix.ToUpperInvariant()}-{index + 1:000}", today.AddDays(300 + index))]
                : null;
            people.Add(await registerPerson.HandleAsync(actor, new RegisterPerson.Command(name, PersonTypes.Employee, null, TrainingStatus.Trained, certificates), cancellationToken));
        }

        people.Add(await registerPerson.HandleAsync(actor, new RegisterPerson.Command(
            "钱立新", PersonTypes.Contractor, "鲁安安装工程有限公司", TrainingStatus.Trained,
            [new("特种作业操作证（焊接与热切割作业）", "T370200198001", today.AddDays(20))]), cancellationToken));
        people.Add(await registerPerson.HandleAsync(actor, new RegisterPerson.Command(
            "冯大勇", PersonTypes.Contractor, "鲁安安装工程有限公司", TrainingStatus.Trained,
            [new("特种作业操作证（焊接与热切割作业）", "T370200198002", today.AddDays(-10))]), cancellationToken));
        var visitor = await registerPerson.HandleAsync(actor, new RegisterPerson.Command("蒋文", PersonTypes.Visitor, "青岛某设计院", TrainingStatus.Trained), cancellationToken);

        var bind = scope.ServiceProvider.GetRequiredService<BindTag.Handler>();
        for (var i = 0; i < people.Count; i++)
        {
            await bind.HandleAsync(actor, new BindTag.Command(tags[i], people[i], null), cancellationToken);
        }

        var evening = BusinessTime.FromLocal(today.ToDateTime(new TimeOnly(18, 0)));
        var until = evening > clock.GetUtcNow() ? evening : clock.GetUtcNow().AddHours(8);
        await bind.HandleAsync(actor, new BindTag.Command(tags[people.Count], visitor, until), cancellationToken);
        return true;
    }
}
