using System.Text.RegularExpressions;
using DualPrevention.Core.Tests.Documentation;

namespace DualPrevention.Core.Tests.Localization;

/// <summary>
/// What the UI shows comes from the area texts in both languages (docs/adding-a-module.md#5-texts), so an English
/// reader never meets a Chinese word the code wrote. Comments may cite Chinese terms; a Chinese string literal in
/// src/ fails here unless its file is one of <see cref="Exempt"/>, each with the reason its words are Chinese in
/// every language.
/// </summary>
public partial class ChineseLiteralTests
{
    /// <summary>Files whose Chinese literals are data, formats or law rather than UI text, and why.</summary>
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.Ordinal)
    {
        // Workbook formats: the words and header rows of the exchange's Excel files, read and written as they are (ADR 0023).
        ["src/DualPrevention.Core/Risks/Register/RiskRegisterLayout.cs"] = "the register workbook's header row and words",
        ["src/DualPrevention.Core/Risks/Register/RiskRegisterWorkbook.cs"] = "the register workbook's sheet and title",
        ["src/DualPrevention.Core/Risks/Register/ExportRiskRegister.cs"] = "the register workbook's file name",
        ["src/DualPrevention.Core/Risks/Register/MeasureClassification.cs"] = "the exchange's measure classes as workbooks write them (the UI shows Classify2.* texts)",
        ["src/DualPrevention.Core/Risks/Register/CycleInput.cs"] = "cycle unit words as workbooks and forms write them",
        ["src/DualPrevention.Core/Imports/RegisterWords.cs"] = "words read from register workbooks",
        ["src/DualPrevention.Core/Imports/RiskRegisterSynonyms.cs"] = "header dictionary of register workbooks",
        ["src/DualPrevention.Core/Imports/RiskRegisterTemplate.cs"] = "the register template workbook",
        ["src/DualPrevention.Core/Imports/MeasureClassRule.cs"] = "measure class words read from workbooks",
        ["src/DualPrevention.Core/Imports/ObjectTypeRule.cs"] = "object type words read from workbooks",
        ["src/DualPrevention.Core/Imports/LedgerWords.cs"] = "words read from hidden-danger ledgers",
        ["src/DualPrevention.Core/Imports/LedgerColumn.cs"] = "header dictionary of hidden-danger ledgers",
        ["src/DualPrevention.Core/Imports/HiddenDangerLedgerTemplate.cs"] = "the ledger template workbook",
        ["src/DualPrevention.Core/Imports/HiddenDangerLedgerParser.cs"] = "words read from hidden-danger ledgers",
        ["src/DualPrevention.Core/Imports/NoteRows.cs"] = "note rows of workbooks, recognised by their words",

        // Law: texts whose wording a regulation fixes, printed and stored in Chinese.
        ["src/DualPrevention.Core/Papers/PaperPdfWriter.cs"] = "the printed 隐患整改通知书 and 整改验收单, Chinese forms by regulation",
        ["src/DualPrevention.Core/HiddenDangers/SeedMajorHiddenDangerCriteria.cs"] = "the criteria of 安监总管三〔2017〕121号, as published",
        ["src/DualPrevention.Core/Permits/PermitCertificates.cs"] = "the words of the welding trade as certificate names and hot-work methods write them (焊, 割)",
        ["src/DualPrevention.Core/Permits/SeedPermitMeasureTemplates.cs"] = "the safety measures GB 30871-2022 requires per operation type, stored as a permit's checklist items",
        ["src/DualPrevention.Core/Risks/MajorHazards/AccountabilityTaskList.cs"] = "MEM's 包保 task list, as published; stored as task content",

        // Data: words stored in records or configuration, shown as stored like any name.
        ["src/DualPrevention.Core/Reports/Compliance/OperatingEffectRules.cs"] = "configured grade band names (shown through ComplianceReport.Grade.* and Dashboard.Grade.*)",
        ["src/DualPrevention.Core/HiddenDangers/HiddenDanger.cs"] = "texts stored in a record (the not-met prefix of a failed check, an imported major reason)",
        ["src/DualPrevention.Core/Inspections/CloseInspectionWindows.cs"] = "the platform's inspector name stored on its missed-window records",
        ["src/DualPrevention.Core/Demo/StoryScript.cs"] = "demo data",
        ["src/DualPrevention.Core/Demo/SeedDemoData.cs"] = "demo data",
        ["src/DualPrevention.Core/Demo/StoryForms.cs"] = "demo data",
        ["src/DualPrevention.Core/Demo/StoryHiddenDangers.cs"] = "demo data",
        ["src/DualPrevention.Core/Demo/DemoMajorHazards.cs"] = "demo data",
        ["src/DualPrevention.Core/Demo/DemoSitePlans.cs"] = "demo data",
        ["src/DualPrevention.Core/Demo/DemoPositioningRegistry.cs"] = "demo data",
        ["src/DualPrevention.Core/Demo/DemoAlarms.cs"] = "demo data",
        ["src/DualPrevention.Core/Demo/DemoPermitSigners.cs"] = "demo data",
        ["src/DualPrevention.Simulator/Simulation.cs"] = "demo data: the names of the persons and the credential the simulator registers",
        ["src/DualPrevention.Simulator/MonitoringStory.cs"] = "demo data: the names of the monitoring points the simulator adds",

        // A language's own name: "中文" in the language switch reads the same in every language.
        ["src/DualPrevention.Web/Shell/CultureSwitch.razor"] = "the name of the Chinese language in the switch",
        ["src/DualPrevention.Web/Shell/AccountLayout.razor"] = "the name of the Chinese language in the switch",
    };

    [Fact]
    public void No_code_outside_the_exempt_files_writes_a_Chinese_literal()
    {
        var found = SourceFiles()
            .Where(f => !Exempt.ContainsKey(f))
            .SelectMany(f => ChineseLines(f).Select(line => $"{f}: {line}"))
            .ToList();

        found.ShouldBeEmpty("UI text goes through the area's Text.resx (Web) or Messages.resx (Core) in both languages");
    }

    [Fact]
    public void Every_exempt_file_still_has_Chinese_literals()
    {
        Exempt.Keys.Where(f => !File.Exists(RepositoryTree.Full(f)) || !ChineseLines(f).Any()).ShouldBeEmpty("an exemption no longer needed is removed");
    }

    private static IEnumerable<string> SourceFiles() =>
        RepositoryTree.TextFiles()
            .Where(f => f.StartsWith("src/", StringComparison.Ordinal) && (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)))
            .Where(f => !f.Contains("/Data/Migrations/", StringComparison.Ordinal));

    /// <summary>Lines of code that hold Chinese once comments (<c>//</c>, <c>/* */</c>, <c>@* *@</c>) are taken out.</summary>
    private static IEnumerable<string> ChineseLines(string file)
    {
        var code = BlockComment().Replace(RepositoryTree.Read(file), "");
        return code.Split('\n')
            .Select(line => LineComment().Replace(line, "").Trim())
            .Where(ChineseText.Contains);
    }

    /// <summary><c>/* … */</c> and Razor's <c>@* … *@</c>, over several lines.</summary>
    [GeneratedRegex(@"/\*.*?\*/|@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex BlockComment();

    /// <summary>A <c>//</c> comment to the end of the line (not the <c>//</c> of a URL such as <c>http://</c>).</summary>
    [GeneratedRegex(@"(?<!:)//.*$")]
    private static partial Regex LineComment();
}
