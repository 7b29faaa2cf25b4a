#!/usr/bin/env bash
# Runs DualPrevention locally: a private PostgreSQL under .data/postgres, a private mosquitto MQTT broker under
# .data/mosquitto (positioning ingest) plus the app, published (Release) to .data/app
# and run from there in the foreground. Ctrl-C stops the app, then the broker and PostgreSQL (unless DP_KEEP_PG=1). Safe to re-run:
# data in .data/ is kept, and the app is republished from the current sources.
# The simulator (src/DualPrevention.Simulator) walks 300 tags over demo-qd1's site plan and reports its monitoring points beside the app
# unless DP_SIMULATOR=0; its log is .data/logs/simulator.log.
# Settings (see deploy/.env.example): DP_PG_PORT, DP_HTTP_PORT, DP_MQTT_PORT, DP_PUBLIC_BASE_URL, DP_DEMO_PASSWORD, DP_KEEP_PG,
# DP_SIMULATOR.
set -euo pipefail

# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$DP_ROOT"

pg_port=${DP_PG_PORT:-5433}
http_port=${DP_HTTP_PORT:-5080}
mqtt_port=${DP_MQTT_PORT:-1883}
# What QR codes, notification links and outbound messages carry (ADR 0018). The app listens on loopback only, so the
# default is its own address; set DP_PUBLIC_BASE_URL to the address phones reach (a proxy, a LAN name) for printed cards.
public_base_url=${DP_PUBLIC_BASE_URL:-http://127.0.0.1:$http_port/}
pg_data=$DP_ROOT/.data/postgres
mqtt_dir=$DP_ROOT/.data/mosquitto
key_file=$DP_ROOT/.data/jwt-signing-key
app_dir=$DP_ROOT/.data/app
simulator_dir=$DP_ROOT/.data/simulator

dp_ensure_packages "${DP_PG_PACKAGES[@]}" "${DP_MQTT_PACKAGES[@]}"
command -v dotnet >/dev/null || dp_die "dotnet not found: install the .NET 10 SDK (version in global.json)"
# npm: the build installs the web app's browser libraries (Leaflet, ADR 0044) and the tests' axe-core from the lockfiles.
command -v npm >/dev/null || dp_ensure_packages npm

# Published, not built: only a publish gives every static asset its Brotli copy and serves the assets as deployed
# (ADR 0013). No build server stays behind, so nothing of the SDK remains resident beside the app.
dp_log "publishing the app (Release) to .data/app"
dotnet publish src/DualPrevention.Web -c Release -o "$app_dir" --disable-build-servers -v quiet -nologo >&2 ||
  dp_die "the app does not build"
if [[ ${DP_SIMULATOR:-1} == 1 ]]; then
  dotnet publish src/DualPrevention.Simulator -c Release -o "$simulator_dir" --disable-build-servers -v quiet -nologo >&2 ||
    dp_die "the simulator does not build"
fi

dp_pg_start "$pg_data" "$pg_port"
if [[ ${DP_KEEP_PG:-0} != 1 ]]; then
  trap 'dp_mqtt_stop "$mqtt_dir"; dp_pg_stop "$pg_data"' EXIT
fi
dp_pg_bootstrap "$pg_port" dualprevention
dp_mqtt_start "$mqtt_dir" "$mqtt_port"

# The JWT signing key is made once and kept, so issued tokens stay valid across restarts.
if [[ ! -s $key_file ]]; then
  (umask 077 && head -c 48 /dev/urandom | base64 -w0 >"$key_file")
fi
mkdir -p "$DP_ROOT/.data/logs"

db="Host=127.0.0.1;Port=$pg_port;Database=dualprevention"
export ASPNETCORE_ENVIRONMENT=Development
export ASPNETCORE_URLS="http://127.0.0.1:$http_port"
export ASPNETCORE_CONTENTROOT="$app_dir"
export ConnectionStrings__App="$db;Username=dp_app;Password=dp_app"
export ConnectionStrings__Owner="$db;Username=dp_owner;Password=dp_owner"
export Database__MigrateOnStartup=true
export Database__AppRole=dp_app
export Demo__SeedOnStartup=true
export Demo__Password="${DP_DEMO_PASSWORD:-Hazard#Qd7x}"
Auth__JwtSigningKey=$(<"$key_file")
export Auth__JwtSigningKey
export Logging__FilePath="$DP_ROOT/.data/logs/dualprevention-.json"
export Storage__PhotoDirectory="$DP_ROOT/.data/photos"
export Storage__ReportDirectory="$DP_ROOT/.data/reports"
export PublicBaseUrl="$public_base_url"
export Mqtt__Host=127.0.0.1 Mqtt__Port="$mqtt_port" Mqtt__Username="$DP_MQTT_PLATFORM_USER"
Mqtt__Password=$(dp_mqtt_platform_password "$mqtt_dir")
export Mqtt__Password

echo "PostgreSQL runs on 127.0.0.1:$pg_port (data in .data/postgres), mosquitto on 127.0.0.1:$mqtt_port (.data/mosquitto)."
echo "Starting the app; Ctrl-C stops it."
echo "QR codes and sent links use $public_base_url (PublicBaseUrl; set DP_PUBLIC_BASE_URL to the address phones reach)."

# The app runs as a child rather than through exec so the EXIT trap can stop PostgreSQL afterwards. A background
# child of a non-interactive shell ignores SIGINT, so Ctrl-C (and SIGTERM) reach it through this trap as SIGTERM,
# which ASP.NET Core treats as a graceful shutdown.
dotnet "$app_dir/DualPrevention.Web.dll" &
app_pid=$!
simulator_pid=
if [[ ${DP_SIMULATOR:-1} == 1 ]]; then
  # It waits for the app to start and seed the demo, signs in as demo-qd1-admin, issues its own device credential
  # (revoked when it stops) and publishes over MQTT like a positioning engine.
  DP_DEMO_PASSWORD="${DP_DEMO_PASSWORD:-Hazard#Qd7x}" dotnet "$simulator_dir/DualPrevention.Simulator.dll" \
    --url "http://127.0.0.1:$http_port" --mqtt-port "$mqtt_port" --wait 900 >"$DP_ROOT/.data/logs/simulator.log" 2>&1 &
  simulator_pid=$!
  echo "The simulator walks 300 tags over demo-qd1's site plan and reports four monitoring points of its first major hazard, the tank level passing high-high about two minutes in (.data/logs/simulator.log; DP_SIMULATOR=0 turns it off)."
fi
# The simulator stops first, while the app can still take its credential's revocation.
stop_app() {
  if [[ -n $simulator_pid ]]; then
    kill -TERM "$simulator_pid" 2>/dev/null || true
    wait "$simulator_pid" 2>/dev/null || true
    simulator_pid=
  fi
  kill -TERM "$app_pid" 2>/dev/null || true
}
trap stop_app INT TERM
status=0
wait "$app_pid" || status=$?
# A trapped signal interrupts `wait` before the app has finished shutting down: wait for its real exit.
while kill -0 "$app_pid" 2>/dev/null; do
  status=0
  wait "$app_pid" || status=$?
done
if [[ -n $simulator_pid ]]; then
  kill -TERM "$simulator_pid" 2>/dev/null || true
  wait "$simulator_pid" 2>/dev/null || true
fi
exit "$status"
