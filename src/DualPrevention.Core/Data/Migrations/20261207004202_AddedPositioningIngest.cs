using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedPositioningIngest : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "fix_count",
                columns: table => new
                {
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    malformed = table.Column<long>(type: "bigint", nullable: false),
                    unknown_tag = table.Column<long>(type: "bigint", nullable: false),
                    other_enterprise = table.Column<long>(type: "bigint", nullable: false),
                    too_far_in_future = table.Column<long>(type: "bigint", nullable: false),
                    too_far_in_past = table.Column<long>(type: "bigint", nullable: false),
                    out_of_range = table.Column<long>(type: "bigint", nullable: false),
                    last_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_fix_count", x => new { x.enterprise_id, x.day });
                });

            migrationBuilder.CreateTable(
                name: "tag_position",
                columns: table => new
                {
                    tag_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    person_id = table.Column<Guid>(type: "uuid", nullable: true),
                    fixed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    x = table.Column<double>(type: "double precision", nullable: true),
                    y = table.Column<double>(type: "double precision", nullable: true),
                    floor = table.Column<int>(type: "integer", nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    accuracy = table.Column<double>(type: "double precision", nullable: true),
                    battery = table.Column<int>(type: "integer", nullable: true),
                    sos = table.Column<bool>(type: "boolean", nullable: false),
                    fall = table.Column<bool>(type: "boolean", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    tracked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    tracked_x = table.Column<double>(type: "double precision", nullable: true),
                    tracked_y = table.Column<double>(type: "double precision", nullable: true),
                    tracked_latitude = table.Column<double>(type: "double precision", nullable: true),
                    tracked_longitude = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_tag_position", x => x.tag_id);
                    table.ForeignKey(
                        name: "fk_tag_position_person_person_id",
                        column: x => x.person_id,
                        principalTable: "person",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_tag_position_positioning_tag_tag_id",
                        column: x => x.tag_id,
                        principalTable: "positioning_tag",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_tag_position_enterprise_id",
                table: "tag_position",
                column: "enterprise_id");

            migrationBuilder.CreateIndex(
                name: "ix_tag_position_person_id",
                table: "tag_position",
                column: "person_id");

            // The thinned track, partitioned by Beijing day (ADR 0038): EF cannot write a partitioned table. The partitions
            // live in their own schema, reached only through this table and its policy; the app role creates nothing
            // (ADR 0022), so the owner's SECURITY DEFINER functions make and drop them (MaintainTrackPartitions).
            migrationBuilder.Sql(
                """
                CREATE TABLE position_sample (
                  tag_id uuid NOT NULL,
                  fixed_at timestamp with time zone NOT NULL,
                  enterprise_id uuid NOT NULL,
                  region_code character varying(6) NOT NULL,
                  person_id uuid NULL,
                  x double precision NULL,
                  y double precision NULL,
                  floor integer NULL,
                  latitude double precision NULL,
                  longitude double precision NULL,
                  accuracy double precision NULL,
                  battery integer NULL,
                  sos boolean NOT NULL,
                  fall boolean NOT NULL,
                  CONSTRAINT pk_position_sample PRIMARY KEY (tag_id, fixed_at)
                ) PARTITION BY RANGE (fixed_at);
                CREATE SCHEMA position_sample_days;
                CREATE FUNCTION dp_create_position_sample_days(first_day date, days integer) RETURNS integer
                  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
                DECLARE
                  made integer := 0;
                  day date;
                BEGIN
                  FOR i IN 0 .. days - 1 LOOP
                    day := first_day + i;
                    IF to_regclass(format('position_sample_days.%I', 'd' || to_char(day, 'YYYYMMDD'))) IS NULL THEN
                      BEGIN
                        EXECUTE format('CREATE TABLE position_sample_days.%I PARTITION OF public.position_sample FOR VALUES FROM (%L) TO (%L)',
                          'd' || to_char(day, 'YYYYMMDD'), day::timestamp AT TIME ZONE 'Asia/Shanghai', (day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai');
                        made := made + 1;
                      EXCEPTION WHEN duplicate_table THEN
                        NULL;
                      END;
                    END IF;
                  END LOOP;
                  RETURN made;
                END $$;
                CREATE FUNCTION dp_drop_position_sample_days(before_day date) RETURNS integer
                  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
                DECLARE
                  dropped integer := 0;
                  partition_name text;
                BEGIN
                  FOR partition_name IN
                    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                     WHERE i.inhparent = 'public.position_sample'::regclass AND c.relname ~ '^d[0-9]{8}$'
                       AND to_date(substr(c.relname, 2), 'YYYYMMDD') < before_day
                  LOOP
                    EXECUTE format('DROP TABLE position_sample_days.%I', partition_name);
                    dropped := dropped + 1;
                  END LOOP;
                  RETURN dropped;
                END $$;
                SELECT dp_create_position_sample_days((now() AT TIME ZONE 'Asia/Shanghai')::date - 1, 5);
                """);

            // Row-level security as the baseline's tenant_predicate (ADR 0012: literal text); on the track's parent,
            // which every read and write goes through.
            migrationBuilder.Sql(
                """
                ALTER TABLE tag_position ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON tag_position
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
                ALTER TABLE fix_count ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON fix_count
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
                ALTER TABLE position_sample ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON position_sample
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

            // Numbers within their ranges (ADR 0024): the bounds of FixLimits; a count only grows from zero.
            migrationBuilder.Sql(
                """
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_x_in_range CHECK (x >= -100000 AND x <= 100000);
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_y_in_range CHECK (y >= -100000 AND y <= 100000);
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_latitude_in_range CHECK (latitude >= -90 AND latitude <= 90);
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_longitude_in_range CHECK (longitude >= -180 AND longitude <= 180);
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_floor_in_range CHECK (floor >= -10 AND floor <= 200);
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_accuracy_in_range CHECK (accuracy >= 0 AND accuracy <= 1000);
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_battery_in_range CHECK (battery >= 0 AND battery <= 100);
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_tracked_x_in_range CHECK (tracked_x >= -100000 AND tracked_x <= 100000);
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_tracked_y_in_range CHECK (tracked_y >= -100000 AND tracked_y <= 100000);
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_tracked_latitude_in_range CHECK (tracked_latitude >= -90 AND tracked_latitude <= 90);
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_tracked_longitude_in_range CHECK (tracked_longitude >= -180 AND tracked_longitude <= 180);
                ALTER TABLE position_sample ADD CONSTRAINT ck_position_sample_x_in_range CHECK (x >= -100000 AND x <= 100000);
                ALTER TABLE position_sample ADD CONSTRAINT ck_position_sample_y_in_range CHECK (y >= -100000 AND y <= 100000);
                ALTER TABLE position_sample ADD CONSTRAINT ck_position_sample_latitude_in_range CHECK (latitude >= -90 AND latitude <= 90);
                ALTER TABLE position_sample ADD CONSTRAINT ck_position_sample_longitude_in_range CHECK (longitude >= -180 AND longitude <= 180);
                ALTER TABLE position_sample ADD CONSTRAINT ck_position_sample_floor_in_range CHECK (floor >= -10 AND floor <= 200);
                ALTER TABLE position_sample ADD CONSTRAINT ck_position_sample_accuracy_in_range CHECK (accuracy >= 0 AND accuracy <= 1000);
                ALTER TABLE position_sample ADD CONSTRAINT ck_position_sample_battery_in_range CHECK (battery >= 0 AND battery <= 100);
                ALTER TABLE fix_count ADD CONSTRAINT ck_fix_count_accepted_in_range CHECK (accepted >= 0 AND accepted <= 1000000000000000);
                ALTER TABLE fix_count ADD CONSTRAINT ck_fix_count_malformed_in_range CHECK (malformed >= 0 AND malformed <= 1000000000000000);
                ALTER TABLE fix_count ADD CONSTRAINT ck_fix_count_unknown_tag_in_range CHECK (unknown_tag >= 0 AND unknown_tag <= 1000000000000000);
                ALTER TABLE fix_count ADD CONSTRAINT ck_fix_count_other_enterprise_in_range CHECK (other_enterprise >= 0 AND other_enterprise <= 1000000000000000);
                ALTER TABLE fix_count ADD CONSTRAINT ck_fix_count_too_far_in_future_in_range CHECK (too_far_in_future >= 0 AND too_far_in_future <= 1000000000000000);
                ALTER TABLE fix_count ADD CONSTRAINT ck_fix_count_too_far_in_past_in_range CHECK (too_far_in_past >= 0 AND too_far_in_past <= 1000000000000000);
                ALTER TABLE fix_count ADD CONSTRAINT ck_fix_count_out_of_range_in_range CHECK (out_of_range >= 0 AND out_of_range <= 1000000000000000);
                """);

            // Dates and instants within the world (ADR 0016).
            migrationBuilder.Sql(
                """
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_fixed_at_in_world CHECK (fixed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND fixed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_received_at_in_world CHECK (received_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND received_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE tag_position ADD CONSTRAINT ck_tag_position_tracked_at_in_world CHECK (tracked_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND tracked_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE position_sample ADD CONSTRAINT ck_position_sample_fixed_at_in_world CHECK (fixed_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND fixed_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE fix_count ADD CONSTRAINT ck_fix_count_last_received_at_in_world CHECK (last_received_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND last_received_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE fix_count ADD CONSTRAINT ck_fix_count_day_in_world CHECK (day >= DATE '2000-01-01' AND day <= DATE '2100-12-31');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TABLE position_sample;
                DROP SCHEMA position_sample_days;
                DROP FUNCTION dp_create_position_sample_days(date, integer);
                DROP FUNCTION dp_drop_position_sample_days(date);
                """);

            migrationBuilder.DropTable(
                name: "fix_count");

            migrationBuilder.DropTable(
                name: "tag_position");
        }
    }
}
