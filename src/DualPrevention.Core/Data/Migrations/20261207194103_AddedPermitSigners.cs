using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedPermitSigners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "permit_signer",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    function = table.Column<int>(type: "integer", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_permit_signer", x => x.id);
                    table.ForeignKey(
                        name: "fk_permit_signer_asp_net_users_user_id",
                        column: x => x.user_id,
                        principalTable: "app_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_permit_signer_enterprises_enterprise_id",
                        column: x => x.enterprise_id,
                        principalTable: "enterprise",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_permit_signer_person_person_id",
                        column: x => x.person_id,
                        principalTable: "person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_permit_signer_enterprise_id_function",
                table: "permit_signer",
                columns: new[] { "enterprise_id", "function" });

            migrationBuilder.CreateIndex(
                name: "ix_permit_signer_person_id",
                table: "permit_signer",
                column: "person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_permit_signer_user_id_function_person_id",
                table: "permit_signer",
                columns: new[] { "user_id", "function", "person_id" },
                unique: true)
                .Annotation("Npgsql:NullsDistinct", false);

            // Tenancy twice (ADR 0002/0012): the baseline's policy. Numbers in range (ADR 0024): the functions of
            // PermitOrgRole, now with the on-shift team leader (12); a person's row is the work leader's (1) and only it
            // names a person (ADR 0051).
            migrationBuilder.Sql(
                """
                ALTER TABLE permit_signer ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON permit_signer
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
                ALTER TABLE permit_signer ADD CONSTRAINT ck_permit_signer_function_in_range CHECK (function >= 1 AND function <= 12);
                ALTER TABLE permit_signer ADD CONSTRAINT ck_permit_signer_person_is_work_leader CHECK ((person_id IS NULL) = (function <> 1));
                ALTER TABLE approval_step DROP CONSTRAINT ck_approval_step_role_in_range;
                ALTER TABLE approval_step ADD CONSTRAINT ck_approval_step_role_in_range CHECK (role >= 1 AND role <= 12);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                ALTER TABLE approval_step DROP CONSTRAINT ck_approval_step_role_in_range;
                ALTER TABLE approval_step ADD CONSTRAINT ck_approval_step_role_in_range CHECK (role >= 1 AND role <= 11);
                """);
            migrationBuilder.DropTable(
                name: "permit_signer");
        }
    }
}
