#!/usr/bin/env bash
# The whole pipeline's backfill rate (issue 6 "Measure"): simulator -> collector -> archive -> validator -> loader ->
# PostgreSQL, as a ratio to a raw COPY of the same rows into the same PostgreSQL, measured in one run.
# Usage (after ./mvnw -B -q -ntp package -DskipTests):
#   bench/pipeline-backfill.sh [SYMBOLS] [DAYS]      # default 200 symbols x 5 trading days of 1-minute bars
# The API rate budget is lifted (MARKETPIPE_COLLECTOR_BUDGET_REQUESTS_PER_SECOND, default 1000 here): the real KIS
# limit (19/s) would make this a measurement of the budget, not of the pipeline. Everything else is the default
# configuration: the archive fsyncs every batch, the validator checks every rule and reads the stored window.
# WARMUP_DAYS (default 5): before the clock starts, the same symbols are backfilled over the last WARMUP_DAYS trading
# days of February 2025 and market_data_1min is emptied again, so the measurement sees services that have run
# before (JIT-compiled), as in operation; WARMUP_DAYS=0 measures freshly started JVMs (about half of whose CPU then
# goes to the JIT compiler threads). JFR=1 records a JDK Flight Recorder profile of every service over the measured
# backfill only ($WORK/<service>.jfr, settings=profile).
set -euo pipefail
SYMBOLS=${1:-200}; DAYS=${2:-5}; WARMUP_DAYS=${WARMUP_DAYS:-5}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/marketpipe-bench.XXXXXX)
base=$((20000 + RANDOM % 20000)); PG=$base; SIM=$((base + 1)); COL=$((base + 2)); ARC=$((base + 3))
VAL=$((base + 4)); LOA=$((base + 5))
CODES=$(seq -f '%06g' 10 $((SYMBOLS + 9)) | paste -sd, -)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  "$ROOT/scripts/pg-throwaway" stop "$WORK/pg" >/dev/null 2>&1 || true
  rm -rf "$WORK/pg" "$WORK/archive" "$WORK/rows.bin"
}
trap cleanup EXIT
source "$ROOT/bench/common.sh"
declare -A pid_of
run() { # name port env...
  local name=$1 port=$2; shift 2
  env "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$((port + 10000)) \
    java -Xmx384m -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" >"$WORK/$name.log" 2>&1 & pids+=($!)
  pid_of[$name]=$!
}
# CPU seconds (user + system) used so far by each service and by PostgreSQL (postmaster and its backends)
cpu_seconds() { ps -o times= -p "$1" | tr -d ' '; }
cpu_snapshot() {
  local name pm
  for name in "${!pid_of[@]}"; do echo "$name $(cpu_seconds "${pid_of[$name]}")"; done
  pm=$(head -1 "$WORK/pg/data/postmaster.pid")
  echo "postgresql $(( $(cpu_seconds "$pm") + $(ps -o times= --ppid "$pm" | awk '{ s += $1 } END { print s + 0 }') ))"
}
"$ROOT/scripts/pg-throwaway" start "$WORK/pg" "$PG" >/dev/null
PSQL="psql -X -A -t -q -v ON_ERROR_STOP=1 postgresql://postgres@127.0.0.1:$PG/postgres"
DB=jdbc:postgresql://127.0.0.1:$PG/postgres
run market-simulator "$SIM" MARKETPIPE_SIMULATOR_SYMBOLS="$CODES" MARKETPIPE_SIMULATOR_INVALID_FRACTION=0
run loader-service "$LOA" MARKETPIPE_DB_URL="$DB"
run validator-service "$VAL" QUARKUS_REST_CLIENT_LOADER_URL="http://127.0.0.1:$LOA" \
  QUARKUS_REST_CLIENT_LOADER_HEALTH_URL="http://127.0.0.1:$((LOA + 10000))"
run archive-service "$ARC" MARKETPIPE_ARCHIVE_ROOT="$WORK/archive" QUARKUS_REST_CLIENT_VALIDATOR_URL="http://127.0.0.1:$VAL"
run collector-service "$COL" MARKETPIPE_API_URL="http://127.0.0.1:$SIM" MARKETPIPE_ARCHIVE_URL="http://127.0.0.1:$ARC" \
  MARKETPIPE_LOADER_URL="http://127.0.0.1:$LOA" MARKETPIPE_DB_URL="$DB" MARKETPIPE_COLLECTOR_SYMBOLS="$CODES" \
  MARKETPIPE_COLLECTOR_SPOOL_DIR="$WORK/spool" MARKETPIPE_COLLECTOR_LIVE_ENABLED=false \
  MARKETPIPE_COLLECTOR_GAPFILL_SCHEDULE_ENABLED=false MARKETPIPE_COLLECTOR_SCHEDULE_ORDERBOOK_ENABLED=false \
  MARKETPIPE_COLLECTOR_SCHEDULE_ACCOUNT_INFO_ENABLED=false MARKETPIPE_COLLECTOR_SCHEDULE_POSITIONS_ENABLED=false \
  MARKETPIPE_COLLECTOR_SCHEDULE_ORDERS_ENABLED=false \
  MARKETPIPE_COLLECTOR_BUDGET_REQUESTS_PER_SECOND="${MARKETPIPE_COLLECTOR_BUDGET_REQUESTS_PER_SECOND:-1000}"
for port in $SIM $LOA $VAL $ARC $COL; do ready "$port"; done

# trading days of a month the collector's calendar knows: sessions MONTH COUNT -> the last COUNT dates
sessions() {
  api -fsS "http://127.0.0.1:$COL/v1/calendar/sessions?from=$1-01&to=$(date -d "$1-01 +1 month -1 day" +%F)" \
    | grep -o '"date":"[0-9-]*"' | cut -d'"' -f4 | tail -n "$2"
}
logged() { $PSQL -c "SELECT count(*) FROM data_collection_log WHERE data_type = 'market_data' AND batch_id IS NOT NULL"; }
# backfill FROM TO: runs one backfill of every symbol and returns once the loader logged each of its batches
backfill() {
  local body job logged0
  body="{\"symbols\":[\"${CODES//,/\",\"}\"],\"interval\":\"1m\",\"from\":\"$1\",\"to\":\"$2\"}"
  logged0=$(logged)
  job=$(api -fsS -X POST -H 'Content-Type: application/json' -d "$body" -D - -o /dev/null \
    "http://127.0.0.1:$COL/v1/backfills" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  while :; do
    status=$(api -fsS "$job")
    echo "$status" | grep -q '"state":"RUNNING"' || break
    sleep 1
  done
  batches=$(echo "$status" | sed -n 's/.*"batches":\([0-9]*\).*/\1/p')
  until [ "$(logged)" -ge $((logged0 + batches)) ]; do sleep 0.5; done
}
if [ "$WARMUP_DAYS" -gt 0 ]; then
  mapfile -t warm < <(sessions 2025-02 "$WARMUP_DAYS")
  backfill "${warm[0]}" "${warm[${#warm[@]}-1]}"
  echo "warm-up: $batches batches of ${warm[0]}..${warm[${#warm[@]}-1]} backfilled, market_data_1min emptied again"
  $PSQL -c "TRUNCATE market_data_1min"
  $PSQL -c "CHECKPOINT"
fi
if [ -n "${JFR:-}" ]; then
  for name in "${!pid_of[@]}"; do
    jcmd "${pid_of[$name]}" JFR.start name=bench settings=${JFR_SETTINGS:-profile} filename="$WORK/$name.jfr" >/dev/null
  done
fi

# the last DAYS trading days of March 2025
mapfile -t dates < <(sessions 2025-03 "$DAYS")
cpu_snapshot | sort >"$WORK/cpu0"
t0=$(date +%s.%N)
backfill "${dates[0]}" "${dates[${#dates[@]}-1]}"
t1=$(date +%s.%N)
cpu_snapshot | sort >"$WORK/cpu1"
if [ -n "${JFR:-}" ]; then
  for name in "${!pid_of[@]}"; do jcmd "${pid_of[$name]}" JFR.stop name=bench >/dev/null; done
fi
rows=$($PSQL -c 'SELECT count(*) FROM market_data_1min')
records=$(echo "$status" | sed -n 's/.*"records":\([0-9]*\).*/\1/p')
[ "$rows" = "$records" ] || { echo "bars collected $records but stored $rows:"; \
  $PSQL -c "SELECT (timestamp AT TIME ZONE 'Asia/Seoul')::date, count(*), count(DISTINCT symbol) FROM market_data_1min GROUP BY 1 ORDER BY 1"; \
  $PSQL -c "SELECT status, count(*), sum(records_collected), sum(records_accepted) FROM data_collection_log GROUP BY 1"; }

# raw COPY of exactly these rows straight into the emptied table (the physical limit), same server, same run
# (client-side \copy: the server runs as another user; a client streaming the file is what a loader does, too)
$PSQL -c "\copy (SELECT timestamp, symbol, open, high, low, close, volume, value FROM market_data_1min ORDER BY symbol, timestamp) TO '$WORK/rows.bin' (FORMAT binary)"
$PSQL -c "TRUNCATE market_data_1min"
$PSQL -c "CHECKPOINT"
c0=$(date +%s.%N)
$PSQL -c "\copy market_data_1min (timestamp, symbol, open, high, low, close, volume, value) FROM '$WORK/rows.bin' (FORMAT binary)"
c1=$(date +%s.%N)

awk -v rows="$rows" -v b="$batches" -v p="$(echo "$t1 - $t0" | bc)" -v c="$(echo "$c1 - $c0" | bc)" 'BEGIN {
  printf "pipeline backfill: %d one-minute bars in %d batches, %.1f s = %.0f bars/s (%.1f batches/s)\n", rows, b, p, rows / p, b / p
  printf "raw COPY of the same rows into the emptied market_data_1min: %.2f s = %.0f rows/s\n", c, rows / c
  printf "pipeline / raw COPY: %.3f\n", (rows / p) / (rows / c)
}'
echo "CPU seconds used during the pipeline backfill (2 cores = $(echo "2 * ($t1 - $t0)" | bc | cut -d. -f1) core-seconds available):"
join "$WORK/cpu0" "$WORK/cpu1" | awk -v rows="$rows" '{ d = $3 - $2; printf "  %-18s %6d s  %6.1f us/bar\n", $1, d, d * 1e6 / rows }'
echo "logs: $WORK"
