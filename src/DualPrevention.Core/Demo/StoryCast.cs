using DualPrevention.Core.Accounts;
using DualPrevention.Core.Data;
using DualPrevention.Core.Regions;
using DualPrevention.Core.Risks;
using DualPrevention.Core.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace DualPrevention.Core.Demo;

/// <summary>A demo account as the story uses it: id, user name and the name written into records and ledgers.</summary>
internal sealed record StoryPerson(Guid UserId, string UserName, string DisplayName);

/// <summary>
/// One demo enterprise with the people who act in its story: the administrator (safety manager, 包保 responsible
/// person, accepter) and the inspector (routine checks, rectifier), and its city bureau's reviewer.
/// </summary>
internal sealed record StoryCompany(
    StoryEnterprise Part, Guid Id, string RegionCode, StoryPerson Admin, StoryPerson Inspector, StoryPerson CityReviewer,
    IReadOnlyDictionary<InspectionTaskType, StoryPerson> Accountable)
{
    /// <summary>Who checks a window of this task type: the inspector for routine ones, the 包保 person of the role otherwise.</summary>
    public StoryPerson CheckerOf(InspectionTaskType taskType) => taskType == InspectionTaskType.Routine ? Inspector : Accountable[taskType];

    public Actor AdminActor => new(TenantScope.ForEnterprise(Id, Admin.UserId, Admin.UserName), Of(Roles.EnterpriseAdmin));

    public Actor InspectorActor => new(TenantScope.ForEnterprise(Id, Inspector.UserId, Inspector.UserName), Of(Roles.Inspector));

    public Actor CityReviewerActor => new(TenantScope.ForRegion(RegionCodes.CityOf(RegionCode), CityReviewer.UserId, CityReviewer.UserName), Of(Roles.CityReviewer));

    /// <summary>The demo enterprises of the script with their accounts (seeded by <see cref="SeedDemoData"/>).</summary>
    /// <exception cref="InvalidOperationException">A demo enterprise or account is missing.</exception>
    public static async Task<List<StoryCompany>> LoadAsync(DualPreventionDbContext db, CancellationToken cancellationToken)
    {
        var codes = StoryScript.Enterprises.Select(e => e.Code).ToList();
        var enterprises = await db.Enterprises.Where(e => codes.Contains(e.ShortCode))
            .ToDictionaryAsync(e => e.ShortCode, e => (e.Id, e.RegionCode), cancellationToken);
        List<string> names = [.. codes.SelectMany(code => new[] { $"{code}-admin", $"{code}-inspector" }
            .Concat(DemoMajorHazards.Persons.Select(p => DemoMajorHazards.UserName(code, p.TaskType)))), "qingdao", "weifang"];
        var people = await db.Users.Where(u => names.Contains(u.UserName!))
            .Select(u => new StoryPerson(u.Id, u.UserName!, u.DisplayName))
            .ToDictionaryAsync(p => p.UserName, cancellationToken);
        return [.. StoryScript.Enterprises.Select(part =>
        {
            var (id, region) = enterprises.TryGetValue(part.Code, out var found) ? found
                : throw new InvalidOperationException($"Demo enterprise {part.Code} is missing: seed the demo data first.");
            var reviewer = RegionCodes.CityOf(region) == "370200" ? "qingdao" : "weifang";
            var accountable = DemoMajorHazards.Persons.ToDictionary(p => p.TaskType, p => Person(people, DemoMajorHazards.UserName(part.Code, p.TaskType)));
            return new StoryCompany(
                part, id, region, Person(people, $"{part.Code}-admin"), Person(people, $"{part.Code}-inspector"), Person(people, reviewer), accountable);
        })];
    }

    private static StoryPerson Person(Dictionary<string, StoryPerson> people, string userName) =>
        people.TryGetValue(userName, out var person) ? person : throw new InvalidOperationException($"Demo account {userName} is missing.");

    private static HashSet<string> Of(string role) => new(StringComparer.Ordinal) { role };
}
