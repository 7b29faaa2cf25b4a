using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DualPrevention.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AddedShortCodePrefixRule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // User names of an enterprise's staff start with "<short code>-" (CreateAccount), so two short codes one of
            // which starts with the other plus a hyphen ("demo", "demo-wf1") would share user names: "demo" could create
            // "demo-wf1-admin". The rule: no short code is a hyphen prefix of another. Checked over the whole table,
            // which row-level security hides from the app role, hence SECURITY DEFINER (the owner is not subject to
            // the policies); once per statement, as a hash join of every hyphen prefix against the codes; under an
            // advisory lock held to commit (class 7403, ADR 0017), so two registrations cannot pass side by side.
            migrationBuilder.Sql(
                """
                CREATE OR REPLACE FUNCTION dp_enterprise_short_codes_prefix_free() RETURNS trigger
                LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
                DECLARE
                  clash text;
                BEGIN
                  PERFORM pg_advisory_xact_lock(7403, 1);
                  SELECT e.short_code INTO clash
                  FROM enterprise e
                  CROSS JOIN LATERAL generate_series(1, length(e.short_code)) AS position
                  JOIN enterprise shorter ON shorter.short_code = left(e.short_code, position - 1)
                  WHERE substr(e.short_code, position, 1) = '-'
                  LIMIT 1;
                  IF clash IS NOT NULL THEN
                    RAISE EXCEPTION 'enterprise short code % starts with another short code and a hyphen', clash
                      USING ERRCODE = 'unique_violation', CONSTRAINT = 'ck_enterprise_short_code_prefix_free';
                  END IF;
                  RETURN NULL;
                END
                $$;

                CREATE TRIGGER enterprise_short_codes_prefix_free
                AFTER INSERT OR UPDATE OF short_code ON enterprise
                FOR EACH STATEMENT EXECUTE FUNCTION dp_enterprise_short_codes_prefix_free();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(
                """
                DROP TRIGGER enterprise_short_codes_prefix_free ON enterprise;
                DROP FUNCTION dp_enterprise_short_codes_prefix_free();
                """);
        }
    }
}
