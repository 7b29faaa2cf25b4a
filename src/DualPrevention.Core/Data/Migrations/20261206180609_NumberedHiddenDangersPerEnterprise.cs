using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class NumberedHiddenDangersPerEnterprise : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "number",
                table: "hidden_danger",
                type: "character varying(60)",
                maxLength: 60,
                nullable: true);

            // One counter per enterprise and year of report (ADR 0032); the upsert's row lock makes concurrent reports
            // of one enterprise take consecutive numbers, and a rolled-back report gives its number back unseen.
            migrationBuilder.Sql(
                """
                CREATE TABLE hidden_danger_number_counter (
                  enterprise_id uuid NOT NULL REFERENCES enterprise (id) ON DELETE CASCADE,
                  year integer NOT NULL,
                  region_code character varying(6) NOT NULL,
                  last_value integer NOT NULL,
                  CONSTRAINT pk_hidden_danger_number_counter PRIMARY KEY (enterprise_id, year),
                  CONSTRAINT ck_hidden_danger_number_counter_year_in_range CHECK (year BETWEEN 2000 AND 2100),
                  CONSTRAINT ck_hidden_danger_number_counter_last_value_in_range CHECK (last_value >= 1));
                ALTER TABLE hidden_danger_number_counter ENABLE ROW LEVEL SECURITY;
                CREATE POLICY tenant_isolation ON hidden_danger_number_counter
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

            // Existing rows numbered in the order they were reported, per enterprise and year of report in Asia/Shanghai,
            // soft-deleted ones included (a number is never reused); the counters continue after them.
            migrationBuilder.Sql(
                """
                WITH numbered AS (
                  SELECT h.id, h.enterprise_id,
                         extract(year FROM h.reported_at AT TIME ZONE 'Asia/Shanghai')::integer AS year,
                         row_number() OVER (PARTITION BY h.enterprise_id, extract(year FROM h.reported_at AT TIME ZONE 'Asia/Shanghai')
                                            ORDER BY h.reported_at, h.created_at, h.id)::integer AS n
                  FROM hidden_danger h)
                UPDATE hidden_danger h
                SET number = e.short_code || '-YH-' || numbered.year || '-' || lpad(numbered.n::text, greatest(4, length(numbered.n::text)), '0')
                FROM numbered JOIN enterprise e ON e.id = numbered.enterprise_id
                WHERE h.id = numbered.id;
                INSERT INTO hidden_danger_number_counter (enterprise_id, year, region_code, last_value)
                SELECT h.enterprise_id, extract(year FROM h.reported_at AT TIME ZONE 'Asia/Shanghai')::integer, e.region_code, count(*)
                FROM hidden_danger h JOIN enterprise e ON e.id = h.enterprise_id
                GROUP BY h.enterprise_id, extract(year FROM h.reported_at AT TIME ZONE 'Asia/Shanghai'), e.region_code;
                ALTER TABLE hidden_danger ALTER COLUMN number SET NOT NULL;
                """);

            // Every insert that brings no number takes the next one, whatever path inserts (EF, COPY, SQL): the
            // enterprise's short code, YH (隐患), the year of report in Asia/Shanghai, and the counter's value.
            migrationBuilder.Sql(
                """
                CREATE FUNCTION dp_assign_hidden_danger_number() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                  report_year integer := extract(year FROM NEW.reported_at AT TIME ZONE 'Asia/Shanghai')::integer;
                  code text;
                  next_value integer;
                BEGIN
                  SELECT e.short_code INTO code FROM enterprise e WHERE e.id = NEW.enterprise_id;
                  IF code IS NULL THEN
                    RAISE EXCEPTION 'hidden danger % has no visible enterprise %', NEW.id, NEW.enterprise_id;
                  END IF;
                  INSERT INTO hidden_danger_number_counter AS c (enterprise_id, year, region_code, last_value)
                  VALUES (NEW.enterprise_id, report_year, NEW.region_code, 1)
                  ON CONFLICT (enterprise_id, year) DO UPDATE SET last_value = c.last_value + 1
                  RETURNING c.last_value INTO next_value;
                  NEW.number := code || '-YH-' || report_year || '-' || lpad(next_value::text, greatest(4, length(next_value::text)), '0');
                  RETURN NEW;
                END
                $$;
                CREATE TRIGGER hidden_danger_number_assign BEFORE INSERT ON hidden_danger
                  FOR EACH ROW WHEN (NEW.number IS NULL) EXECUTE FUNCTION dp_assign_hidden_danger_number();
                """);

            migrationBuilder.CreateIndex(
                name: "ix_hidden_danger_enterprise_id_number",
                table: "hidden_danger",
                columns: new[] { "enterprise_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_hidden_danger_enterprise_id_number",
                table: "hidden_danger");

            migrationBuilder.Sql(
                """
                DROP TRIGGER hidden_danger_number_assign ON hidden_danger;
                DROP FUNCTION dp_assign_hidden_danger_number();
                DROP TABLE hidden_danger_number_counter;
                """);

            migrationBuilder.DropColumn(
                name: "number",
                table: "hidden_danger");
        }
    }
}
