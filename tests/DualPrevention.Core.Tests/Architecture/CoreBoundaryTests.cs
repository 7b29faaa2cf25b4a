using System.Reflection;
using DualPrevention.Core.Localization;
using NetArchTest.Rules;

namespace DualPrevention.Core.Tests.Architecture;

/// <summary>
/// What Core may reach (ADR 0001, ADR 0015): no host (ASP.NET Core's HTTP, Blazor, MudBlazor, the Hangfire server,
/// the Web project), and each area only the areas written down in <see cref="AllowedAreas"/>. An edge not in the table
/// fails here; adding one is a decision to make in review, not a side effect of a using.
/// </summary>
public class CoreBoundaryTests
{
    private const string Core = "DualPrevention.Core";

    /// <summary>
    /// The areas each Core area may depend on, besides itself, the root namespace (BusinessTime, the two exceptions,
    /// Paged) and Localization, which every area may use. Data is the hub: the DbContext maps every area's entities and
    /// every area reads through it (ADR 0001). Four pairs depend on each other, each for a reason the domain gives:
    /// an inspection that finds a hidden danger opens its draft, and a hidden danger names the window it was found in;
    /// the supervision lists are hidden dangers the escalation ladder (docs/domain/dual-prevention.md#81-the-escalation-ladder)
    /// escalated, and the ladder's steps are per hidden-danger level; a 停用检修 change recounts the daily statistics of
    /// the windows it suspends in the same transaction (ADR 0009). Papers (the PDF forms and their Chinese text) know no
    /// area: the areas that print fill them in. Alarms open hidden dangers (converted alarms, ADR 0037; a hidden danger is
    /// a register row of Risks), name their zones (Positioning) and prove their evidence photos; positioning's fence rules
    /// raise alarms and read the open ones back after a restart (ADR 0040), the fourth pair. The alarm-debt ledger is a
    /// regulators' report: it takes the reports' periods, region resolution, rounding and formula guard (ADR 0042). Permits
    /// name people of Positioning's registry and rely on their certificates (ADR 0045); a bureau's spot-check finding on a
    /// permit becomes the enterprise's hidden danger (a register row of Risks) through the bureau's report, under an inspection source, and the
    /// regulators' view narrows by region code (ADR 0045). Video alarms read the camera
    /// registry (Positioning), keep their snapshots as photos and enter the alarm centre, whose conversion hands a video
    /// alarm's snapshot to the hidden danger as its before-photo (ADR 0046), the fifth pair. Major hazard identification
    /// grades the register's major hazard sources (Risks) and takes their level rule from there (ADR 0047).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedAreas = new Dictionary<string, string[]>
    {
        ["Regions"] = ["Data"],
        ["Auditing"] = ["Data", "Tenancy", "Accounts"],
        ["Tenancy"] = ["Data", "Regions", "Accounts", "Enterprises"],
        ["Accounts"] = ["Data", "Tenancy", "Regions", "Auditing", "Enterprises"],
        ["Enterprises"] = ["Data", "Tenancy", "Regions", "Auditing", "Accounts"],
        ["Photos"] = ["Data", "Tenancy"],
        ["Notifications"] = ["Data", "Tenancy", "Accounts", "Auditing", "Enterprises"],
        ["Risks"] = ["Data", "Tenancy", "Regions", "Auditing", "Accounts", "Enterprises"],
        ["Inspections"] = ["Data", "Tenancy", "Regions", "Auditing", "Accounts", "Enterprises", "Photos", "Risks", "HiddenDangers", "Reports"],
        ["HiddenDangers"] = ["Data", "Tenancy", "Regions", "Auditing", "Accounts", "Enterprises", "Photos", "Notifications", "Risks", "Inspections", "Escalations", "Papers"],
        ["Escalations"] = ["Data", "Tenancy", "Regions", "Accounts", "Notifications", "Inspections", "HiddenDangers"],
        ["Reports"] = ["Data", "Tenancy", "Regions", "Accounts", "Enterprises", "Notifications", "Risks", "Inspections", "HiddenDangers", "Papers"],
        ["Imports"] = ["Data", "Tenancy", "Regions", "Auditing", "Accounts", "Enterprises", "Risks", "HiddenDangers"],
        ["ToDos"] = ["Data", "Tenancy", "Accounts", "Risks", "Inspections", "HiddenDangers"],
        ["Positioning"] = ["Data", "Tenancy", "Auditing", "Accounts", "Enterprises", "Risks", "Photos", "Alarms"],
        ["Alarms"] = ["Data", "Tenancy", "Accounts", "Enterprises", "Notifications", "Photos", "Risks", "Inspections", "HiddenDangers", "Positioning", "Regions", "Reports", "VideoAlarms"],
        ["Permits"] = ["Data", "Tenancy", "Auditing", "Accounts", "Enterprises", "Positioning", "Regions", "HiddenDangers", "Inspections", "Risks"],
        ["VideoAlarms"] = ["Data", "Tenancy", "Enterprises", "Photos", "Positioning", "Alarms"],
        ["MajorHazards"] = ["Data", "Tenancy", "Auditing", "Accounts", "Enterprises", "Risks"],
        ["Monitoring"] = ["Data", "Tenancy", "Accounts", "Enterprises", "Risks", "Alarms"],
        ["Data"] = ["Regions", "Auditing", "Tenancy", "Accounts", "Enterprises", "Photos", "Notifications", "Risks", "Inspections", "HiddenDangers", "Escalations", "Reports", "Imports", "Permits", "MajorHazards"],
        ["Demo"] = ["Data", "Regions", "Auditing", "Tenancy", "Accounts", "Enterprises", "Photos", "Notifications", "Risks", "Inspections", "HiddenDangers", "Escalations", "Reports", "Imports", "Positioning", "Alarms", "MajorHazards", "Permits"],
        ["Localization"] = [],
        ["Papers"] = [],
    };

    /// <summary>
    /// Within an area split into sub-areas, which sub-area may use which (what they share sits at the area's root). A
    /// major hazard source and the risk analysis objects linked to it know each other: deleting a source checks its
    /// objects, an object names its source.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedSubAreas = new Dictionary<string, string[]>
    {
        ["Reports.Statistics"] = [],
        ["Reports.Compliance"] = ["Reports.Statistics"],
        ["Reports.Dashboards"] = ["Reports.Compliance", "Reports.Statistics"],
        ["Reports.Exports"] = ["Reports.Compliance", "Reports.Statistics"],
        ["Risks.Grading"] = [],
        ["Risks.Register"] = ["Risks.Grading", "Risks.MajorHazards"],
        ["Risks.MajorHazards"] = ["Risks.Register"],
    };

    private static readonly Assembly CoreAssembly = typeof(CoreText).Assembly;

    [Fact]
    public void Core_references_no_host_no_UI_and_no_job_server()
    {
        string[] hostAssemblies = ["DualPrevention.Web", "MudBlazor", "Hangfire", "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Routing", "Microsoft.AspNetCore.Hosting"];

        CoreAssembly.GetReferencedAssemblies().Select(a => a.Name!)
            .Where(name => hostAssemblies.Any(host => name.StartsWith(host, StringComparison.Ordinal)))
            .ShouldBeEmpty();
        Types.InAssembly(CoreAssembly).ShouldNot()
            .HaveDependencyOnAny("DualPrevention.Web", "MudBlazor", "Hangfire", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Builder")
            .GetResult().ShouldPass();
    }

    [Fact]
    public void The_table_names_every_area_of_Core()
    {
        var areas = CoreAssembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(Core + ".", StringComparison.Ordinal) == true)
            .Select(t => t.Namespace?.Split('.'))
            .Where(parts => parts is [_, _, _, ..])
            .Select(parts => parts![2])
            .ToHashSet();

        areas.ShouldBe(AllowedAreas.Keys, ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void An_area_depends_only_on_the_areas_the_table_allows(string area)
    {
        var forbidden = AllowedAreas.Keys.Except(AllowedAreas[area]).Where(other => other != area && other != "Localization")
            .Select(other => $"{Core}.{other}")
            .ToArray();

        Types.InAssembly(CoreAssembly).That().ResideInNamespace($"{Core}.{area}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult().ShouldPass($"{area} may use only {string.Join(", ", AllowedAreas[area])}");
    }

    [Theory]
    [MemberData(nameof(SubAreas))]
    public void A_sub_area_depends_only_on_the_sub_areas_the_table_allows(string subArea)
    {
        var area = subArea[..subArea.IndexOf('.', StringComparison.Ordinal)];
        var forbidden = AllowedSubAreas.Keys
            .Where(other => other.StartsWith(area + ".", StringComparison.Ordinal) && other != subArea && !AllowedSubAreas[subArea].Contains(other))
            .Select(other => $"{Core}.{other}")
            .ToArray();

        Types.InAssembly(CoreAssembly).That().ResideInNamespace($"{Core}.{subArea}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult().ShouldPass($"{subArea} may use only {string.Join(", ", AllowedSubAreas[subArea])}");
    }

    public static TheoryData<string> Areas() => [.. AllowedAreas.Keys];

    public static TheoryData<string> SubAreas() => [.. AllowedSubAreas.Keys];
}
