using System.Reflection;
using DualPrevention.Web.Hosting;
using NetArchTest.Rules;

namespace DualPrevention.Web.Tests.Architecture;

/// <summary>
/// Web's feature folders mirror Core's areas and keep to themselves (ADR 0015): each may use Shell (layout, shared
/// components, <c>CancellableComponent</c>) and Hosting (policies, the signed-in user), and another area
/// only along an edge written in <see cref="AllowedEdges"/>, and then only its shared pieces (chips, cells, text
/// helpers), never its pages, dialogs or endpoints.
/// </summary>
public class WebFeatureFolderTests
{
    private const string Web = "DualPrevention.Web";

    /// <summary>
    /// The cross-area edges: a dashboard shows hidden dangers and risk levels with their areas' chips; the home page
    /// links each role to its dashboard; a hidden danger names its inspection task in the inspections' words; both
    /// importers show Imports' problem table; the alarm-debt ledger picks its period with the reports' period picker; a permit's
    /// work point is picked and shown on Positioning's site-plan map; video alarms come from devices authenticated with
    /// Positioning's device credentials on per-enterprise topics, and so do monitoring readings; a major hazard's page holds
    /// its monitoring points' editor.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> AllowedEdges = new Dictionary<string, string[]>
    {
        ["Accounts"] = [],
        ["Alarms"] = ["Reports"],
        ["Permits"] = ["Positioning"],
        ["Auditing"] = [],
        ["Enterprises"] = [],
        ["HiddenDangers"] = ["Inspections", "Imports"],
        ["Home"] = ["Reports"],
        ["Imports"] = [],
        ["Inspections"] = [],
        ["Notifications"] = [],
        ["Positioning"] = [],
        ["VideoAlarms"] = ["Positioning"],
        ["MajorHazards"] = ["Monitoring"],
        ["Monitoring"] = ["Positioning"],
        ["Regions"] = [],
        ["Reports"] = ["HiddenDangers", "Risks"],
        ["Risks"] = ["Imports"],
        ["ToDos"] = [],
    };

    /// <summary>Folders every area may use; Hosting also wires the areas up, and Jobs are Hosting's to schedule.</summary>
    private static readonly string[] Shared = ["Shell", "Hosting"];

    private static readonly Assembly WebAssembly = typeof(EndpointGroups).Assembly;

    [Fact]
    public void The_table_names_every_feature_folder_of_Web()
    {
        var folders = WebAssembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith(Web + ".", StringComparison.Ordinal) == true)
            .Select(t => t.Namespace!.Split('.')[2])
            .ToHashSet();

        folders.ShouldBe(AllowedEdges.Keys.Concat(Shared).Append("Jobs"), ignoreOrder: true);
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void A_feature_folder_uses_another_only_along_an_allowed_edge(string area)
    {
        var forbidden = AllowedEdges.Keys.Except(AllowedEdges[area]).Where(other => other != area).Append("Jobs")
            .Select(other => $"{Web}.{other}")
            .ToArray();

        Types.InAssembly(WebAssembly).That().ResideInNamespace($"{Web}.{area}")
            .ShouldNot().HaveDependencyOnAny(forbidden)
            .GetResult().ShouldPass($"{area} may use Shell, Hosting and {string.Join(", ", AllowedEdges[area])}");
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void No_other_folder_reaches_an_areas_pages_dialogs_or_endpoints(string area)
    {
        var internals = WebAssembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith($"{Web}.{area}", StringComparison.Ordinal) == true && !t.IsNested)
            .Where(t => t.Name.EndsWith("Page", StringComparison.Ordinal) || t.Name.EndsWith("Dialog", StringComparison.Ordinal) || t.Name.EndsWith("Endpoints", StringComparison.Ordinal))
            .Select(t => t.FullName!)
            .ToArray();

        Types.InAssembly(WebAssembly).That().ResideInNamespace(Web).And().DoNotResideInNamespace($"{Web}.{area}")
            .ShouldNot().HaveDependencyOnAny(internals)
            .GetResult().ShouldPass($"{area}'s pages, dialogs and endpoints are its own");
    }

    [Fact]
    public void Shell_and_the_jobs_use_no_feature_folder()
    {
        var features = AllowedEdges.Keys.Select(area => $"{Web}.{area}").ToArray();

        Types.InAssembly(WebAssembly).That().ResideInNamespace($"{Web}.Shell").Or().ResideInNamespace($"{Web}.Jobs")
            .ShouldNot().HaveDependencyOnAny(features)
            .GetResult().ShouldPass("Shell and Jobs serve every area and depend on none");
    }

    public static TheoryData<string> Areas() => [.. AllowedEdges.Keys];
}
