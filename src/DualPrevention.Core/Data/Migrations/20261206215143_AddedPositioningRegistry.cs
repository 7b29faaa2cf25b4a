using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedPositioningRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "device_credential",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    username = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    secret_hash = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_device_credential", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "person",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    type = table.Column<int>(type: "integer", nullable: false),
                    company = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    training = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "positioning_tag",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    serial = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_positioning_tag", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "person_certificate",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    number = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    expires_on = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_person_certificate", x => x.id);
                    table.ForeignKey(
                        name: "fk_person_certificate_person_person_id",
                        column: x => x.person_id,
                        principalTable: "person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "tag_binding",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    tag_id = table.Column<Guid>(type: "uuid", nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: false),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    returned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tag_binding", x => x.id);
                    table.ForeignKey(
                        name: "fk_tag_binding_person_person_id",
                        column: x => x.person_id,
                        principalTable: "person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_tag_binding_positioning_tag_tag_id",
                        column: x => x.tag_id,
                        principalTable: "positioning_tag",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_device_credential_enterprise_id",
                table: "device_credential",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_device_credential_username",
                table: "device_credential",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_person_enterprise_id_name",
                table: "person",
                columns: new[] { "enterprise_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_person_certificate_person_id",
                table: "person_certificate",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_positioning_tag_enterprise_id_serial",
                table: "positioning_tag",
                columns: new[] { "enterprise_id", "serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_tag_binding_person_id",
                table: "tag_binding",
                column: "person_id");

            migrationBuilder.CreateIndex(
                name: "ix_tag_binding_tag_id_not_returned",
                table: "tag_binding",
                column: "tag_id",
                unique: true,
                filter: "returned_at IS NULL");

            // Tenancy twice (ADR 0012, the Baseline's predicate copied): tags, people, certificates, bindings and device
            // credentials carry the enterprise.
            migrationBuilder.Sql(
                """
                ALTER TABLE positioning_tag ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON positioning_tag
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
                ALTER TABLE person ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON person
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
                ALTER TABLE person_certificate ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON person_certificate
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
                ALTER TABLE tag_binding ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON tag_binding
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
                ALTER TABLE device_credential ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON device_credential
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

            // Numbers within their ranges (ADR 0024): the enums' values; a person has exactly one type (the span of the flags, and one of them).
            migrationBuilder.Sql(
                """
                ALTER TABLE positioning_tag ADD CONSTRAINT ck_positioning_tag_kind_in_range CHECK (kind >= 1 AND kind <= 3);
                ALTER TABLE person ADD CONSTRAINT ck_person_type_in_range CHECK (type >= 0 AND type <= 15 AND type IN (1, 2, 4, 8));
                ALTER TABLE person ADD CONSTRAINT ck_person_training_in_range CHECK (training >= 1 AND training <= 2);
                ALTER TABLE tag_binding ADD CONSTRAINT ck_tag_binding_valid_until_after_valid_from CHECK (valid_until IS NULL OR valid_until > valid_from);
                ALTER TABLE tag_binding ADD CONSTRAINT ck_tag_binding_returned_at_after_valid_from CHECK (returned_at IS NULL OR returned_at >= valid_from);
                """);

            // Dates and instants within the world (ADR 0016).
            migrationBuilder.Sql(
                """
                ALTER TABLE positioning_tag ADD CONSTRAINT ck_positioning_tag_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE person ADD CONSTRAINT ck_person_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE tag_binding ADD CONSTRAINT ck_tag_binding_valid_from_in_world CHECK (valid_from >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND valid_from < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE tag_binding ADD CONSTRAINT ck_tag_binding_valid_until_in_world CHECK (valid_until >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND valid_until < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE tag_binding ADD CONSTRAINT ck_tag_binding_returned_at_in_world CHECK (returned_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND returned_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE device_credential ADD CONSTRAINT ck_device_credential_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE device_credential ADD CONSTRAINT ck_device_credential_revoked_at_in_world CHECK (revoked_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND revoked_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE person_certificate ADD CONSTRAINT ck_person_certificate_expires_on_in_world CHECK (expires_on >= DATE '2000-01-01' AND expires_on <= DATE '2100-12-31');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "device_credential");

            migrationBuilder.DropTable(
                name: "person_certificate");

            migrationBuilder.DropTable(
                name: "tag_binding");

            migrationBuilder.DropTable(
                name: "person");

            migrationBuilder.DropTable(
                name: "positioning_tag");
        }
    }
}
