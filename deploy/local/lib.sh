# shellcheck shell=bash
# Helpers shared by deploy/local/run.sh, deploy/local/test.sh and .ci/run. Source it; do not execute it.
#
# The local scripts run a private PostgreSQL cluster under the repo's .data/ directory (gitignored) instead of
# the system one. PostgreSQL refuses to run as root, so every server-side command runs as the `postgres` user
# created by Debian's postgresql package; the scripts themselves must therefore run as root.

# Repository root, resolved from this file's location so callers work from any cwd.
DP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)

dp_log() { echo "==> $*" >&2; }

dp_die() {
  echo "error: $*" >&2
  exit 1
}

# dp_ensure_packages PKG... — installs the Debian packages that are not installed yet.
dp_ensure_packages() {
  local pkg status missing=()
  for pkg in "$@"; do
    # shellcheck disable=SC2016 # ${Status} is a dpkg-query field, not a shell variable
    status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
    [[ $status == *" ok installed" ]] || missing+=("$pkg")
  done
  ((${#missing[@]} > 0)) || return 0

  [[ $EUID -eq 0 ]] || dp_die "missing Debian packages: ${missing[*]} (as root: apt-get install ${missing[*]})"
  dp_log "installing ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
}

# dp_pg_bin — prints the newest /usr/lib/postgresql/*/bin directory.
dp_pg_bin() {
  local bin
  bin=$(printf '%s\n' /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  [[ -x $bin/initdb ]] || dp_die "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)"
  echo "$bin"
}

# Runs a command as the postgres user. The cd keeps PostgreSQL tools from complaining when the caller's cwd is
# not readable by postgres (all paths passed in are absolute).
dp__as_postgres() {
  (cd / && runuser -u postgres -- "$@")
}

# The postgres user (or USER, here mosquitto) needs search (x) permission on every directory above its data directory.
# Directories in the repo's .data/ tree are fixed here; anything above that is the user's to fix, so we only explain.
dp__ensure_traversable() {
  local data_dir=$1 user=${2:-postgres} path="" part
  local -a parts
  IFS=/ read -ra parts <<<"${data_dir#/}"
  # Walk top-down so the message names the outermost directory that blocks access.
  for part in "${parts[@]:0:${#parts[@]}-1}"; do
    path+=/$part
    (cd / && runuser -u "$user" -- test -x "$path") && continue
    if [[ $path == "$DP_ROOT/.data" || $path == "$DP_ROOT/.data/"* ]]; then
      chmod o+x "$path"
    else
      dp_die "the $user user cannot enter $path, so it cannot use $data_dir." \
        "Put the repository under a directory every user can traverse, or run: chmod o+x $path"
    fi
  done
}

# Prints the PID of the postmaster serving DATA_DIR; fails if none runs. After a crash or reboot the
# postmaster.pid file can name a PID now used by an unrelated process (which fools `pg_ctl status`), so the
# PID must also have DATA_DIR as its working directory, as a live postmaster always has.
dp__pg_pid() {
  local data_dir=$1 pid
  [[ -f $data_dir/postmaster.pid ]] || return 1
  pid=$(head -n 1 "$data_dir/postmaster.pid")
  [[ $pid =~ ^[0-9]+$ && $(readlink "/proc/$pid/cwd" 2>/dev/null) == "$data_dir" ]] || return 1
  echo "$pid"
}

# dp_pg_start DATA_DIR PORT — creates the cluster if needed and starts it, or reuses the server already running
# on DATA_DIR. Listens on 127.0.0.1:PORT with trust authentication; its Unix socket lives in DATA_DIR.
dp_pg_start() {
  local data_dir port=$2 bin running_port
  data_dir=$(realpath -m "$1")
  [[ $EUID -eq 0 ]] || dp_die "run as root: PostgreSQL is started as the postgres user through runuser"
  bin=$(dp_pg_bin)

  if [[ ! -f $data_dir/PG_VERSION ]]; then
    mkdir -p "$data_dir"
    chown postgres:postgres "$data_dir"
    chmod 700 "$data_dir"
    dp__ensure_traversable "$data_dir"
    dp_log "creating PostgreSQL cluster in $data_dir"
    dp__as_postgres "$bin/initdb" -D "$data_dir" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  else
    dp__ensure_traversable "$data_dir"
  fi

  if dp__pg_pid "$data_dir" >/dev/null; then
    # Line 4 of postmaster.pid is the port the server listens on.
    running_port=$(sed -n 4p "$data_dir/postmaster.pid")
    [[ $running_port == "$port" ]] ||
      dp_die "PostgreSQL for $data_dir already runs on port $running_port, not $port; stop it or use that port"
    dp_log "reusing PostgreSQL on 127.0.0.1:$port ($data_dir)"
    return 0
  fi

  # Not running: any postmaster.pid left is stale (see dp__pg_pid) and would make PostgreSQL refuse to start.
  rm -f "$data_dir/postmaster.pid"
  dp_log "starting PostgreSQL on 127.0.0.1:$port ($data_dir)"
  # One attempt with a bounded wait; on failure show why instead of retrying.
  if ! dp__as_postgres "$bin/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w -t 60 \
    -o "-p $port -k '$data_dir' -c listen_addresses=127.0.0.1" start >/dev/null; then
    tail -n 20 "$data_dir/server.log" >&2 || true
    dp_die "PostgreSQL did not start on port $port (log above: $data_dir/server.log)"
  fi
}

# dp_pg_stop DATA_DIR — stops the server running on DATA_DIR, if any.
dp_pg_stop() {
  local data_dir bin
  data_dir=$(realpath -m "$1")
  dp__pg_pid "$data_dir" >/dev/null || return 0
  bin=$(dp_pg_bin)
  dp_log "stopping PostgreSQL ($data_dir)"
  dp__as_postgres "$bin/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
}

# dp_psql PORT SQL... — runs each SQL string (one -c each) as the postgres superuser in database postgres;
# prints results unaligned, tuples only.
dp_psql() {
  local port=$1
  shift
  dp_psql_in "$port" postgres "$@"
}

# dp_psql_in PORT DBNAME SQL... — as dp_psql, in database DBNAME.
dp_psql_in() {
  local port=$1 db=$2 bin sql
  local -a commands=()
  shift 2
  for sql in "$@"; do commands+=(-c "$sql"); done
  bin=$(dp_pg_bin)
  dp__as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d "$db" -v ON_ERROR_STOP=1 -qAt \
    "${commands[@]}"
}

# The Debian packages a platform cluster needs: the server and PostGIS for site plans' zones (ADR 0029).
DP_PG_PACKAGES=(postgresql postgresql-15-postgis-3)

# The extensions every platform database has. PostGIS is not a trusted extension, so the superuser creates it here
# (the owner-run migrations cannot); in template1 too, so each database made later (the tests') inherits it.
DP_PG_EXTENSIONS_SQL='CREATE EXTENSION IF NOT EXISTS postgis'

# dp_pg_bootstrap_roles PORT — creates the application roles if missing, and PostGIS in template1:
#   dp_owner owns the database and its tables (migrations connect as it);
#   dp_app is what the app connects as at run time, so row-level security applies to it.
# Passwords only matter where password authentication is on; the private clusters trust 127.0.0.1.
dp_pg_bootstrap_roles() {
  local sql
  sql=$(
    cat <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dp_owner') THEN
    CREATE ROLE dp_owner LOGIN PASSWORD 'dp_owner';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'dp_app') THEN
    CREATE ROLE dp_app LOGIN PASSWORD 'dp_app';
  END IF;
END $$;
-- Re-asserted on every run: the app role must never bypass row-level security.
ALTER ROLE dp_app NOSUPERUSER NOBYPASSRLS;
SQL
  )
  dp_psql "$1" "$sql"
  dp_psql_in "$1" template1 "$DP_PG_EXTENSIONS_SQL"
}

# dp_pg_bootstrap_database PORT DBNAME — creates DBNAME owned by dp_owner if missing.
dp_pg_bootstrap_database() {
  local port=$1 db=$2
  [[ $db =~ ^[a-z_][a-z0-9_]*$ ]] || dp_die "invalid database name: $db"
  if [[ -z $(dp_psql "$port" "SELECT 1 FROM pg_database WHERE datname = '$db'") ]]; then
    dp_log "creating database $db"
    dp_psql "$port" "CREATE DATABASE $db OWNER dp_owner"
  fi
  # A database made before PostGIS joined the platform gets it too.
  dp_psql_in "$port" "$db" "$DP_PG_EXTENSIONS_SQL"
}

# dp_pg_bootstrap PORT DBNAME — roles, then the database.
dp_pg_bootstrap() {
  dp_pg_bootstrap_roles "$1"
  dp_pg_bootstrap_database "$1" "$2"
}

# The Debian packages the MQTT broker needs: the server (with its dynamic-security plugin) and its command-line
# clients (mosquitto_ctrl makes the platform's account; ADR 0036).
DP_MQTT_PACKAGES=(mosquitto mosquitto-clients)

# The broker account the platform administers the broker with and consumes positions as (ADR 0036).
DP_MQTT_PLATFORM_USER=dp-platform

# Prints the PID of the mosquitto serving DIR's configuration; fails if none runs. As for PostgreSQL, a stale pid
# file may name an unrelated process, so the PID's command line must name DIR's configuration file.
dp__mqtt_pid() {
  local dir=$1 pid
  [[ -f $dir/mosquitto.pid ]] || return 1
  pid=$(head -n 1 "$dir/mosquitto.pid")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$dir/mosquitto.conf" || return 1
  echo "$pid"
}

# dp_mqtt_start DIR PORT — creates a private mosquitto under DIR if needed and starts it, or reuses the one running
# on DIR. Listens on 127.0.0.1:PORT; no anonymous clients; accounts and topic rights live in the dynamic-security
# plugin's DIR/dynamic-security.json, where the first start creates the platform's account (its password in
# DIR/platform-password, printed by dp_mqtt_platform_password). Not the Debian system service: one broker per DIR.
dp_mqtt_start() {
  local dir port=$2 plugin running_port password
  dir=$(realpath -m "$1")
  command -v mosquitto >/dev/null || dp_die "mosquitto not found (as root: apt-get install ${DP_MQTT_PACKAGES[*]})"
  plugin=$(dpkg -L mosquitto 2>/dev/null | grep -m 1 '/mosquitto_dynamic_security\.so$') ||
    dp_die "the mosquitto package has no dynamic-security plugin"

  if running_port=$(dp__mqtt_pid "$dir" >/dev/null && sed -n 's/^listener \([0-9]*\) .*/\1/p' "$dir/mosquitto.conf"); then
    [[ $running_port == "$port" ]] ||
      dp_die "mosquitto for $dir already runs on port $running_port, not $port; stop it or use that port"
    dp_log "reusing mosquitto on 127.0.0.1:$port ($dir)"
    return 0
  fi

  mkdir -p "$dir"
  chmod 700 "$dir"
  if [[ ! -s $dir/dynamic-security.json ]]; then
    dp_log "creating the broker's platform account in $dir"
    password=$(head -c 24 /dev/urandom | base64 -w0 | tr '+/' '-_')
    (umask 077 && printf '%s' "$password" >"$dir/platform-password")
    mosquitto_ctrl dynsec init "$dir/dynamic-security.json" "$DP_MQTT_PLATFORM_USER" "$password" >/dev/null
  fi
  # Rewritten on every start, so a changed port or an upgraded template takes effect.
  cat >"$dir/mosquitto.conf" <<CONF
# Written by deploy/local/lib.sh (dp_mqtt_start) on every start; edit the template there.
listener $port 127.0.0.1
allow_anonymous false
plugin $plugin
plugin_opt_config_file $dir/dynamic-security.json
# Queued QoS 1 messages of a stopped consumer survive a broker restart (ADR 0036).
persistence true
persistence_location $dir/
autosave_interval 30
# A stopped consumer's session queues this many messages; the broker drops and logs beyond it (ADR 0036).
max_queued_messages 1000000
# Unacknowledged QoS 1 messages in flight to one client (default 20). A consumer acknowledges a batch after storing
# and announcing it while it stores the next, so it needs a window of several batches (ADR 0038).
max_inflight_messages 1000
set_tcp_nodelay true
pid_file $dir/mosquitto.pid
log_dest file $dir/mosquitto.log
log_timestamp_format %Y-%m-%dT%H:%M:%S
CONF
  # Started as root, mosquitto drops to its own user, which must own its files and reach its folder.
  if [[ $EUID -eq 0 ]]; then
    chown -R mosquitto:mosquitto "$dir"
    dp__ensure_traversable "$dir" mosquitto
  fi

  rm -f "$dir/mosquitto.pid"
  dp_log "starting mosquitto on 127.0.0.1:$port ($dir)"
  mosquitto -c "$dir/mosquitto.conf" -d || dp_die "mosquitto did not start (log: $dir/mosquitto.log)"
  local waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    ((waited++ < 100)) || {
      tail -n 20 "$dir/mosquitto.log" >&2 || true
      dp_die "mosquitto does not answer on port $port (log above: $dir/mosquitto.log)"
    }
    sleep 0.1
  done
}

# dp_mqtt_platform_password DIR — prints the password of the platform's broker account.
dp_mqtt_platform_password() {
  cat "$(realpath -m "$1")/platform-password"
}

# dp_mqtt_stop DIR — stops the mosquitto running on DIR, if any, and waits until it has saved its queues.
dp_mqtt_stop() {
  local dir pid waited=0
  dir=$(realpath -m "$1")
  pid=$(dp__mqtt_pid "$dir") || return 0
  dp_log "stopping mosquitto ($dir)"
  kill -TERM "$pid"
  while kill -0 "$pid" 2>/dev/null && ((waited++ < 100)); do sleep 0.1; done
}

# dp_trx_counts DIR — sums the <Counters .../> of every .trx file under DIR and prints
# "PASSED FAILED SKIPPED EXECUTED". Errors, timeouts and aborts count as failures; tests that were
# not executed (total - executed) count as skipped.
dp_trx_counts() {
  local -a files
  mapfile -d '' files < <(find "$1" -name '*.trx' -type f -print0 2>/dev/null)
  if ((${#files[@]} == 0)); then
    echo "0 0 0 0"
    return 0
  fi
  # RS="<" makes each XML tag one record, whatever the line breaks.
  awk '
    function attr(name) {
      if (match($0, "[[:space:]]" name "=\"[0-9]+\"")) return substr($0, RSTART + length(name) + 3, RLENGTH - length(name) - 4) + 0
      return 0
    }
    BEGIN { RS = "<" }
    /^Counters[[:space:]]/ {
      total += attr("total"); executed += attr("executed"); passed += attr("passed")
      failed += attr("failed") + attr("error") + attr("timeout") + attr("aborted")
    }
    END { printf "%d %d %d %d\n", passed, failed, total - executed, executed }
  ' "${files[@]}"
}
