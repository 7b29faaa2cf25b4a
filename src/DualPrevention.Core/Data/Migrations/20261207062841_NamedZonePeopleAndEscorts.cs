using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class NamedZonePeopleAndEscorts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "escort_person_id",
                table: "tag_binding",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "zone_person_link",
                columns: table => new
                {
                    zone_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_zone_person_link", x => new { x.zone_id, x.person_id, x.role });
                    table.ForeignKey(
                        name: "fk_zone_person_link_person_person_id",
                        column: x => x.person_id,
                        principalTable: "person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_zone_person_link_zone_zone_id",
                        column: x => x.zone_id,
                        principalTable: "zone",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tag_binding_escort_person_id",
                table: "tag_binding",
                column: "escort_person_id");

            migrationBuilder.CreateIndex(
                name: "ix_zone_person_link_enterprise_id",
                table: "zone_person_link",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_zone_person_link_person_id",
                table: "zone_person_link",
                column: "person_id");

            migrationBuilder.AddForeignKey(
                name: "fk_tag_binding_person_escort_person_id",
                table: "tag_binding",
                column: "escort_person_id",
                principalTable: "person",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            // Row-level security as the baseline's tenant_predicate (ADR 0012: literal text).
            migrationBuilder.Sql(
                """
                ALTER TABLE zone_person_link ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON zone_person_link
                  USING ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                        WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')))
                  WITH CHECK ((SELECT current_setting('app.scope_kind', true) = 'system')
                    OR enterprise_id = (SELECT nullif(current_setting('app.enterprise_id', true), '')::uuid
                                        WHERE current_setting('app.scope_kind', true) = 'enterprise')
                    OR starts_with(region_code, (SELECT dp_region_prefix(current_setting('app.region_code', true))
                                                 WHERE current_setting('app.scope_kind', true) = 'region'
                                                   AND current_setting('app.region_code', true) ~ '^[0-9]{6}$')));
                """);

            // Numbers within their ranges (ADR 0024): the role's values.
            migrationBuilder.Sql("ALTER TABLE zone_person_link ADD CONSTRAINT ck_zone_person_link_role_in_range CHECK (role >= 1 AND role <= 2);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_tag_binding_person_escort_person_id",
                table: "tag_binding");

            migrationBuilder.DropTable(
                name: "zone_person_link");

            migrationBuilder.DropIndex(
                name: "ix_tag_binding_escort_person_id",
                table: "tag_binding");

            migrationBuilder.DropColumn(
                name: "escort_person_id",
                table: "tag_binding");
        }
    }
}
