using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <summary>
    /// The track is written once (ADR 0038, amended): the fix consumer copies kept points straight into their day's
    /// partition, which COPY allows because a partition itself has no row-level security. The app role may insert
    /// there (granted by the migrator) but not read, change or delete; and a statement trigger on every partition
    /// refuses a direct write outside the system scope, the only scope whose policy on the parent admits every
    /// enterprise. Reads still go through the parent and its policy.
    /// </summary>
    public partial class WroteTrackStraightIntoDayPartitions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                CREATE FUNCTION dp_refuse_track_partition_write_outside_system_scope() RETURNS trigger
                  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
                BEGIN
                  IF current_setting('app.scope_kind', true) IS DISTINCT FROM 'system' THEN
                    RAISE EXCEPTION 'a track partition takes direct writes only in the system scope; write through position_sample'
                      USING ERRCODE = 'insufficient_privilege';
                  END IF;
                  RETURN NULL;
                END $$;
                CREATE OR REPLACE FUNCTION dp_create_position_sample_days(first_day date, days integer) RETURNS integer
                  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
                DECLARE
                  made integer := 0;
                  day date;
                  partition_name text;
                BEGIN
                  FOR i IN 0 .. days - 1 LOOP
                    day := first_day + i;
                    partition_name := 'd' || to_char(day, 'YYYYMMDD');
                    IF to_regclass(format('position_sample_days.%I', partition_name)) IS NULL THEN
                      BEGIN
                        EXECUTE format('CREATE TABLE position_sample_days.%I PARTITION OF public.position_sample FOR VALUES FROM (%L) TO (%L)',
                          partition_name, day::timestamp AT TIME ZONE 'Asia/Shanghai', (day + 1)::timestamp AT TIME ZONE 'Asia/Shanghai');
                        EXECUTE format('CREATE TRIGGER system_scope_only BEFORE INSERT ON position_sample_days.%I FOR EACH STATEMENT EXECUTE FUNCTION public.dp_refuse_track_partition_write_outside_system_scope()',
                          partition_name);
                        made := made + 1;
                      EXCEPTION WHEN duplicate_table THEN
                        NULL;
                      END;
                    END IF;
                  END LOOP;
                  RETURN made;
                END $$;
                DO $$
                DECLARE
                  partition_name text;
                BEGIN
                  FOR partition_name IN
                    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                     WHERE i.inhparent = 'public.position_sample'::regclass
                  LOOP
                    EXECUTE format('CREATE TRIGGER system_scope_only BEFORE INSERT ON position_sample_days.%I FOR EACH STATEMENT EXECUTE FUNCTION public.dp_refuse_track_partition_write_outside_system_scope()',
                      partition_name);
                  END LOOP;
                END $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DO $$
                DECLARE
                  partition_name text;
                BEGIN
                  FOR partition_name IN
                    SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                     WHERE i.inhparent = 'public.position_sample'::regclass
                  LOOP
                    EXECUTE format('DROP TRIGGER IF EXISTS system_scope_only ON position_sample_days.%I', partition_name);
                  END LOOP;
                END $$;
                CREATE OR REPLACE FUNCTION dp_create_position_sample_days(first_day date, days integer) RETURNS integer
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
                DROP FUNCTION dp_refuse_track_partition_write_outside_system_scope();
                """);
        }
    }
}
