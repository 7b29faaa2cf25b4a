#!/usr/bin/env bash
# Checks formatting and runs every test against a private PostgreSQL (default /var/tmp/dualprevention/pg-test,
# outside the checkout so that a clone in a folder the postgres user cannot enter still works) and a private
# mosquitto MQTT broker (default /var/tmp/dualprevention/mqtt-test).
# Ends with the line "tests: N passed, N failed[, N skipped]" and dotnet test's exit code; also fails when no
# test ran. The cluster and the broker are stopped at the end unless DP_KEEP_PG=1.
# Settings (see deploy/.env.example): DP_TEST_PG_PORT, DP_TEST_PG_DIR, DP_TEST_MQTT_PORT, DP_TEST_MQTT_DIR, DP_KEEP_PG.
set -euo pipefail

# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$DP_ROOT"

pg_port=${DP_TEST_PG_PORT:-5434}
pg_data=${DP_TEST_PG_DIR:-/var/tmp/dualprevention/pg-test}
mqtt_port=${DP_TEST_MQTT_PORT:-1884}
mqtt_dir=${DP_TEST_MQTT_DIR:-/var/tmp/dualprevention/mqtt-test}
results=$DP_ROOT/.data/test-results

dp_ensure_packages "${DP_PG_PACKAGES[@]}" "${DP_MQTT_PACKAGES[@]}" chromium fonts-noto-cjk
command -v dotnet >/dev/null || dp_die "dotnet not found: install the .NET 10 SDK (version in global.json)"
# npm: the build installs the web app's browser libraries (Leaflet, ADR 0044) and the tests' axe-core from the lockfiles.
command -v npm >/dev/null || dp_ensure_packages npm

stop_servers() {
  [[ ${DP_KEEP_PG:-0} == 1 ]] && return 0
  dp_mqtt_stop "$mqtt_dir"
  dp_pg_stop "$pg_data"
}
dp_pg_start "$pg_data" "$pg_port"
trap stop_servers EXIT
dp_mqtt_start "$mqtt_dir" "$mqtt_port"
# Roles only: each test creates (and drops) its own databases through DP_TEST_PG_ADMIN.
dp_pg_bootstrap_roles "$pg_port"

export DP_TEST_PG_ADMIN="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=postgres"
export DP_CHROMIUM=/usr/bin/chromium
# The broker the ingest tests publish through, and the platform's account on it (MqttBroker in the tests).
export DP_TEST_MQTT_HOST=127.0.0.1 DP_TEST_MQTT_PORT=$mqtt_port DP_TEST_MQTT_USERNAME=$DP_MQTT_PLATFORM_USER
DP_TEST_MQTT_PASSWORD=$(dp_mqtt_platform_password "$mqtt_dir")
export DP_TEST_MQTT_PASSWORD

dp_log "dotnet format --verify-no-changes"
dotnet format DualPrevention.sln --verify-no-changes ||
  dp_die "code is not formatted: run 'dotnet format DualPrevention.sln' and commit the result"

rm -rf "$results"
dp_log "dotnet test"
status=0
# LogFilePrefix (not LogFileName) gives each test project its own .trx; with a fixed LogFileName every project
# of the solution writes the same file and only the last one's results survive.
# Build in parallel, then run the test projects one after another: side by side on two cores, the browser tests
# compete with four hosts and a PostgreSQL for the CPU and time out.
dotnet build DualPrevention.sln -c Release ||
  dp_die "the solution does not build"
dotnet test DualPrevention.sln -c Release --no-build -m:1 --logger "trx;LogFilePrefix=results" --results-directory "$results" ||
  status=$?

read -r passed failed skipped executed < <(dp_trx_counts "$results")
# Stop the servers now rather than on EXIT, so that the summary is the last line printed.
trap - EXIT
stop_servers

if ((executed == 0)); then
  echo "error: no test was executed (see the dotnet test output above)" >&2
  ((status != 0)) || status=1
fi
summary="tests: $passed passed, $failed failed"
((skipped == 0)) || summary+=", $skipped skipped"
echo "$summary"
exit "$status"
