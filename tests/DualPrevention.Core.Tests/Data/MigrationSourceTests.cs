namespace DualPrevention.Core.Tests.Data;

/// <summary>
/// A migration must emit the same SQL for as long as databases made by it exist, so it never calls code that can
/// change after it is written: EF's migration builder and literal text only (docs/operations.md, "Migrations").
/// </summary>
public class MigrationSourceTests
{
    [Fact]
    public void No_migration_calls_project_code_that_can_change_after_it_is_written()
    {
        var files = MigrationSource.Files();

        files.ShouldContain(f => f.EndsWith("_Baseline.cs", StringComparison.Ordinal));
        foreach (var file in files)
        {
            MigrationSource.ProjectReferences(File.ReadAllText(file)).ShouldBeEmpty(Path.GetFileName(file));
        }
    }

    [Fact]
    public void The_check_refuses_a_helper_a_constant_an_enum_or_an_interpolated_string()
    {
        const string Migration = """
            using DualPrevention.Core.Data;
            using static DualPrevention.Core.Reports.Compliance.ComplianceSql;
            using Microsoft.EntityFrameworkCore.Migrations;

            namespace DualPrevention.Core.Data.Migrations;

            public partial class AddedSomething : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // ComplianceSql in a comment is frozen text.
                    migrationBuilder.Sql("SELECT 'Uuid7Sql' -- frozen text too");
                    migrationBuilder.Sql(Uuid7Sql.Id("now()", "1"));
                    migrationBuilder.Sql("UPDATE t SET s = " + (int)HiddenDangers.HiddenDangerState.Closed);
                    migrationBuilder.CreateIndex("ix", "t", "c", filter: Reports.Compliance.ComplianceSql.JudgedByToday);
                    migrationBuilder.Sql($"SELECT {table}");
                }
            }
            """;

        var findings = MigrationSource.ProjectReferences(Migration);

        findings.ShouldContain("using static DualPrevention.Core.Reports.Compliance.ComplianceSql");
        findings.ShouldContain("reference to Uuid7Sql");
        findings.ShouldContain("reference to HiddenDangerState");
        findings.ShouldContain("reference to ComplianceSql");
        findings.ShouldContain(f => f.StartsWith("interpolated string", StringComparison.Ordinal));
        findings.Count.ShouldBe(5);
    }
}
