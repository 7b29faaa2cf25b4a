using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "monitoring_point",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    major_hazard_source_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<int>(type: "integer", nullable: false),
                    unit = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    range_low = table.Column<double>(type: "double precision", nullable: false),
                    range_high = table.Column<double>(type: "double precision", nullable: false),
                    low_low = table.Column<double>(type: "double precision", nullable: true),
                    low = table.Column<double>(type: "double precision", nullable: true),
                    high = table.Column<double>(type: "double precision", nullable: true),
                    high_high = table.Column<double>(type: "double precision", nullable: true),
                    debounce_seconds = table.Column<int>(type: "integer", nullable: false),
                    interval_seconds = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_point", x => x.id);
                    table.ForeignKey(
                        name: "fk_monitoring_point_major_hazard_sources_major_hazard_source_id",
                        column: x => x.major_hazard_source_id,
                        principalTable: "major_hazard_source",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "monitoring_reading_count",
                columns: table => new
                {
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    accepted = table.Column<long>(type: "bigint", nullable: false),
                    malformed = table.Column<long>(type: "bigint", nullable: false),
                    unknown_point = table.Column<long>(type: "bigint", nullable: false),
                    out_of_time = table.Column<long>(type: "bigint", nullable: false),
                    out_of_range = table.Column<long>(type: "bigint", nullable: false),
                    last_received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_reading_count", x => new { x.enterprise_id, x.day });
                });

            migrationBuilder.CreateTable(
                name: "monitoring_point_state",
                columns: table => new
                {
                    point_id = table.Column<Guid>(type: "uuid", nullable: false),
                    enterprise_id = table.Column<Guid>(type: "uuid", nullable: false),
                    region_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_value = table.Column<double>(type: "double precision", nullable: true),
                    last_read_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    band = table.Column<int>(type: "integer", nullable: false),
                    pending_band = table.Column<int>(type: "integer", nullable: false),
                    pending_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    alarmed_band = table.Column<int>(type: "integer", nullable: false),
                    stored_value = table.Column<double>(type: "double precision", nullable: true),
                    stored_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    interrupted_since = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_monitoring_point_state", x => x.point_id);
                    table.ForeignKey(
                        name: "fk_monitoring_point_state_monitoring_point_point_id",
                        column: x => x.point_id,
                        principalTable: "monitoring_point",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_point_enterprise_id_code",
                table: "monitoring_point",
                columns: new[] { "enterprise_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_monitoring_point_major_hazard_source_id",
                table: "monitoring_point",
                column: "major_hazard_source_id");

            // The thinned history of readings, partitioned by Beijing month (ADR 0050): EF cannot write a partitioned
            // table. A default partition keeps a reading whose month has no partition yet; the owner's SECURITY DEFINER
            // functions make and drop the months (MaintainReadingPartitions), as the track's days (ADR 0038).
            migrationBuilder.Sql(
                """
                CREATE TABLE monitoring_reading (
                  point_id uuid NOT NULL,
                  read_at timestamp with time zone NOT NULL,
                  enterprise_id uuid NOT NULL,
                  region_code character varying(6) NOT NULL,
                  value double precision NOT NULL,
                  CONSTRAINT pk_monitoring_reading PRIMARY KEY (point_id, read_at)
                ) PARTITION BY RANGE (read_at);
                CREATE SCHEMA monitoring_reading_months;
                CREATE TABLE monitoring_reading_months.other PARTITION OF monitoring_reading DEFAULT;
                CREATE FUNCTION dp_create_monitoring_reading_months(first_month date, months integer) RETURNS integer
                  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
                DECLARE
                  made integer := 0;
                  month date;
                BEGIN
                  FOR i IN 0 .. months - 1 LOOP
                    month := (date_trunc('month', first_month) + make_interval(months => i))::date;
                    IF to_regclass(format('monitoring_reading_months.%I', 'm' || to_char(month, 'YYYYMM'))) IS NULL THEN
                      EXECUTE format('CREATE TABLE monitoring_reading_months.%I PARTITION OF public.monitoring_reading FOR VALUES FROM (%L) TO (%L)',
                        'm' || to_char(month, 'YYYYMM'), month::timestamp AT TIME ZONE 'Asia/Shanghai', (month + interval '1 month')::timestamp AT TIME ZONE 'Asia/Shanghai');
                      made := made + 1;
                    END IF;
                  END LOOP;
                  RETURN made;
                END $$;
                CREATE FUNCTION dp_drop_monitoring_reading_months(before_month date) RETURNS integer
                  LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public AS $$
                DECLARE
                  dropped integer := 0;
                  partition_name text;
                BEGIN
                  FOR partition_name IN
                    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                     WHERE i.inhparent = 'public.monitoring_reading'::regclass AND c.relname ~ '^m[0-9]{6}$'
                       AND c.relname < 'm' || to_char(before_month, 'YYYYMM')
                  LOOP
                    EXECUTE format('DROP TABLE monitoring_reading_months.%I', partition_name);
                    dropped := dropped + 1;
                  END LOOP;
                  RETURN dropped;
                END $$;
                SELECT dp_create_monitoring_reading_months(date '2026-01-01', 26);
                """);

            migrationBuilder.Sql(
                """
                ALTER TABLE monitoring_point ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON monitoring_point
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
                ALTER TABLE monitoring_point_state ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON monitoring_point_state
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
                ALTER TABLE monitoring_reading_count ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON monitoring_reading_count
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
                ALTER TABLE monitoring_reading ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON monitoring_reading
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

            // Numbers within their ranges (ADR 0024), dates within the world (ADR 0016).
            migrationBuilder.Sql(
                """
                ALTER TABLE monitoring_point ADD CONSTRAINT ck_monitoring_point_kind_in_range CHECK (kind >= 1 AND kind <= 5);
                ALTER TABLE monitoring_point ADD CONSTRAINT ck_monitoring_point_range_low_in_range CHECK (range_low >= -1000000 AND range_low <= 1000000);
                ALTER TABLE monitoring_point ADD CONSTRAINT ck_monitoring_point_range_high_in_range CHECK (range_high >= -1000000 AND range_high <= 1000000);
                ALTER TABLE monitoring_point ADD CONSTRAINT ck_monitoring_point_low_low_in_range CHECK (low_low >= -1000000 AND low_low <= 1000000);
                ALTER TABLE monitoring_point ADD CONSTRAINT ck_monitoring_point_low_in_range CHECK (low >= -1000000 AND low <= 1000000);
                ALTER TABLE monitoring_point ADD CONSTRAINT ck_monitoring_point_high_in_range CHECK (high >= -1000000 AND high <= 1000000);
                ALTER TABLE monitoring_point ADD CONSTRAINT ck_monitoring_point_high_high_in_range CHECK (high_high >= -1000000 AND high_high <= 1000000);
                ALTER TABLE monitoring_point ADD CONSTRAINT ck_monitoring_point_debounce_seconds_in_range CHECK (debounce_seconds >= 0 AND debounce_seconds <= 600);
                ALTER TABLE monitoring_point ADD CONSTRAINT ck_monitoring_point_interval_seconds_in_range CHECK (interval_seconds >= 1 AND interval_seconds <= 3600);
                ALTER TABLE monitoring_point ADD CONSTRAINT ck_monitoring_point_created_at_in_world CHECK (created_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND created_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE monitoring_point ADD CONSTRAINT ck_monitoring_point_updated_at_in_world CHECK (updated_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND updated_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE monitoring_point_state ADD CONSTRAINT ck_monitoring_point_state_band_in_range CHECK (band >= 1 AND band <= 5);
                ALTER TABLE monitoring_point_state ADD CONSTRAINT ck_monitoring_point_state_pending_band_in_range CHECK (pending_band >= 1 AND pending_band <= 5);
                ALTER TABLE monitoring_point_state ADD CONSTRAINT ck_monitoring_point_state_alarmed_band_in_range CHECK (alarmed_band >= 1 AND alarmed_band <= 5);
                ALTER TABLE monitoring_point_state ADD CONSTRAINT ck_monitoring_point_state_last_value_in_range CHECK (last_value >= -1000000 AND last_value <= 1000000);
                ALTER TABLE monitoring_point_state ADD CONSTRAINT ck_monitoring_point_state_stored_value_in_range CHECK (stored_value >= -1000000 AND stored_value <= 1000000);
                ALTER TABLE monitoring_point_state ADD CONSTRAINT ck_monitoring_point_state_since_in_world CHECK (since >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND since < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE monitoring_point_state ADD CONSTRAINT ck_monitoring_point_state_last_read_at_in_world CHECK (last_read_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND last_read_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE monitoring_point_state ADD CONSTRAINT ck_monitoring_point_state_pending_since_in_world CHECK (pending_since >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND pending_since < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE monitoring_point_state ADD CONSTRAINT ck_monitoring_point_state_stored_at_in_world CHECK (stored_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND stored_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE monitoring_point_state ADD CONSTRAINT ck_monitoring_point_state_received_at_in_world CHECK (received_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND received_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE monitoring_point_state ADD CONSTRAINT ck_monitoring_point_state_interrupted_since_in_world CHECK (interrupted_since >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND interrupted_since < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE monitoring_reading_count ADD CONSTRAINT ck_monitoring_reading_count_accepted_in_range CHECK (accepted >= 0 AND accepted <= 1000000000000000);
                ALTER TABLE monitoring_reading_count ADD CONSTRAINT ck_monitoring_reading_count_malformed_in_range CHECK (malformed >= 0 AND malformed <= 1000000000000000);
                ALTER TABLE monitoring_reading_count ADD CONSTRAINT ck_monitoring_reading_count_unknown_point_in_range CHECK (unknown_point >= 0 AND unknown_point <= 1000000000000000);
                ALTER TABLE monitoring_reading_count ADD CONSTRAINT ck_monitoring_reading_count_out_of_time_in_range CHECK (out_of_time >= 0 AND out_of_time <= 1000000000000000);
                ALTER TABLE monitoring_reading_count ADD CONSTRAINT ck_monitoring_reading_count_out_of_range_in_range CHECK (out_of_range >= 0 AND out_of_range <= 1000000000000000);
                ALTER TABLE monitoring_reading_count ADD CONSTRAINT ck_monitoring_reading_count_day_in_world CHECK (day >= DATE '2000-01-01' AND day <= DATE '2100-12-31');
                ALTER TABLE monitoring_reading_count ADD CONSTRAINT ck_monitoring_reading_count_last_received_at_in_world CHECK (last_received_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND last_received_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                ALTER TABLE monitoring_reading ADD CONSTRAINT ck_monitoring_reading_value_in_range CHECK (value >= -1000000 AND value <= 1000000);
                ALTER TABLE monitoring_reading ADD CONSTRAINT ck_monitoring_reading_read_at_in_world CHECK (read_at >= TIMESTAMPTZ '2000-01-01 00:00:00+08' AND read_at < TIMESTAMPTZ '2101-01-01 00:00:00+08');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TABLE monitoring_reading;
                DROP SCHEMA monitoring_reading_months;
                DROP FUNCTION dp_create_monitoring_reading_months(date, integer);
                DROP FUNCTION dp_drop_monitoring_reading_months(date);
                """);

            migrationBuilder.DropTable(
                name: "monitoring_point_state");

            migrationBuilder.DropTable(
                name: "monitoring_reading_count");

            migrationBuilder.DropTable(
                name: "monitoring_point");
        }
    }
}
