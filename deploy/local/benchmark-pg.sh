#!/usr/bin/env bash
# Starts (or reuses) a private PostgreSQL cluster for benchmarks, outside the checkout, and prints its superuser
# connection string as the only line on stdout. tests/DualPrevention.Benchmarks runs it when DP_BENCH_PG_ADMIN
# is not set; the cluster keeps running afterwards (stop it with: source deploy/local/lib.sh; dp_pg_stop DIR).
# Settings: DP_BENCH_PG_PORT (default 5435), DP_BENCH_PG_DIR (default /var/tmp/dualprevention/pg-bench).
set -euo pipefail

# shellcheck source=deploy/local/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

port=${DP_BENCH_PG_PORT:-5435}
data=${DP_BENCH_PG_DIR:-/var/tmp/dualprevention/pg-bench}

dp_ensure_packages "${DP_PG_PACKAGES[@]}" >&2
dp_pg_start "$data" "$port" >&2
# Roles only: the benchmark creates (and drops) its own database.
dp_pg_bootstrap_roles "$port" >&2
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
