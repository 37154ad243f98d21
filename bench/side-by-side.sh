#!/usr/bin/env bash
# Side by side in one run, on one PostgreSQL and one simulator: raw COPY (the limit), the plain reference pipeline
# (PEER, a one-process Python script: fetch, archive file, schema/OHLC check, upsert), marketpipe's backfill
# (simulator -> collector -> archive -> validator -> loader -> PostgreSQL), marketpipe's replay from the archive into
# the emptied table, the four services' resident memory after the backfill and CPU per bar.
# Usage (after ./mvnw -B -q -ntp package -DskipTests; needs the PostgreSQL server binaries and psql; the peer needs
# python3 with python3-requests and python3-psycopg2):
#   bench/side-by-side.sh [SYMBOLS] [FROM] [TO]     # default 20 symbols x 2025-03-04..2025-03-31 of 1-minute bars
# PEER=path/to/script: the plain reference pipeline, not part of the repository (docs/BENCHMARKS.md "Side by side");
# without PEER its row is skipped.
# The API rate budget is lifted (MARKETPIPE_COLLECTOR_BUDGET_REQUESTS_PER_SECOND, default 1000 here): the real KIS
# limit (19/s) would make this a measurement of the budget. Everything else is the default configuration: the archive
# fsyncs every envelope before its 201, the validator checks every rule and reads the stored window.
# WARMUP_DAYS (default 5): before the clock starts, the same symbols are backfilled over the last WARMUP_DAYS trading
# days of February 2025 and market_data_1min is emptied again (JIT-compiled services, as in operation).
# THREADS=1 adds CPU seconds per thread group (JIT compiler, GC, event loops, workers) over the measured backfill.
# JFR=1 records a JDK Flight Recorder profile of every service over the measured backfill ($WORK/<service>.jfr).
# LARGE=N (default 0): afterwards, one more backfill of N x SYMBOLS symbols over the same days, to check the services
# stay inside their heaps (OutOfMemoryError is searched in every log).
# JAVA_OPTS: the JVM options of the services and the simulator (default: scripts/jvm-options, as the demo).
set -euo pipefail
SYMBOLS=${1:-20}; FROM=${2:-2025-03-04}; TO=${3:-2025-03-31}; WARMUP_DAYS=${WARMUP_DAYS:-5}; LARGE=${LARGE:-0}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEER=${PEER:-}
PEER_PYTHON=${PEER_PYTHON:-/usr/bin/python3}  # the system python3, with Debian's python3-requests python3-psycopg2
JAVA_OPTS=${JAVA_OPTS:-$(grep -v '^#' "$ROOT/scripts/jvm-options")}
WORK=$(mktemp -d /tmp/marketpipe-bench.XXXXXX)
base=$((20000 + RANDOM % 20000)); PG=$base; SIM=$((base + 1)); COL=$((base + 2)); ARC=$((base + 3))
VAL=$((base + 4)); LOA=$((base + 5))
codes() { seq -f '%06g' "$1" "$2" | paste -sd, -; }
CODES=$(codes 10 $((SYMBOLS + 9)))
ALL_CODES=$(codes 10 $((SYMBOLS * (LARGE > 0 ? LARGE + 1 : 1) + 9)))
source "$ROOT/bench/common.sh"
DISPOSABLE=(pg archive peer-archive rows.bin)
declare -A pid_of
run() { # name port env...
  local name=$1 port=$2; shift 2
  # shellcheck disable=SC2086 # JAVA_OPTS is a list of options
  env "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$((port + 10000)) \
    java $JAVA_OPTS -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" >"$WORK/$name.log" 2>&1 & pids+=($!)
  pid_of[$name]=$!
}
# CPU seconds (user + system, in 1/100 s) used so far by each service and by PostgreSQL (postmaster and its backends)
ticks() { cut -d')' -f2 "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0; }
cpu_snapshot() {
  local name pm child sum
  for name in "${!pid_of[@]}"; do echo "$name $(ticks "${pid_of[$name]}")"; done
  pm=$(head -1 "$WORK/pg/data/postmaster.pid"); sum=$(ticks "$pm")
  for child in $(ps -o pid= --ppid "$pm"); do sum=$((sum + $(ticks "$child"))); done
  echo "postgresql $sum"
}
cpu_report() { # FROM_SNAPSHOT TO_SNAPSHOT ROWS
  join "$1" "$2" | awk -v rows="$3" '{ d = ($3 - $2) / 100; t += d; printf "  %-18s %6.1f s  %6.1f us/bar\n", $1, d, d * 1e6 / rows }
    END { printf "  %-18s %6.1f s  %6.1f us/bar\n", "total", t, t * 1e6 / rows }'
}
rss_report() { # the four services' resident set size, MiB
  local name kib total=0
  for name in collector-service archive-service validator-service loader-service; do
    kib=$(ps -o rss= -p "${pid_of[$name]}" | tr -d ' '); total=$((total + kib))
    printf "  %-18s %6d MiB\n" "$name" $((kib / 1024))
  done
  printf "  %-18s %6d MiB (%.2f GiB)\n" total $((total / 1024)) "$(echo "$total / 1048576" | bc -l)"
}
now() { date +%s.%N; }
# THREADS=1: CPU ticks per thread group (name without its number) of each service, to see JIT, GC and event loops
thread_snapshot() {
  local name
  for name in collector-service archive-service validator-service loader-service; do
    for t in /proc/"${pid_of[$name]}"/task/*; do
      # a thread that ended meanwhile is left out
      { echo "$name:$(tr ' ' _ <"$t/comm" | sed 's/[-_#]*[0-9]*$//') $(cut -d')' -f2 "$t/stat" | awk '{ print $12 + $13 }')"; } \
        2>/dev/null || true
    done
  done | awk '{ s[$1] += $2 } END { for (k in s) print k, s[k] }' | sort
}

"$ROOT/scripts/pg-throwaway" start "$WORK/pg" "$PG" >/dev/null
PSQL="psql -X -A -t -q -v ON_ERROR_STOP=1 postgresql://postgres@127.0.0.1:$PG/postgres"
DB=jdbc:postgresql://127.0.0.1:$PG/postgres
run market-simulator "$SIM" MARKETPIPE_SIMULATOR_SYMBOLS="$ALL_CODES" MARKETPIPE_SIMULATOR_INVALID_FRACTION=0
run loader-service "$LOA" MARKETPIPE_DB_URL="$DB"
run validator-service "$VAL" MARKETPIPE_LOADER_URL="http://127.0.0.1:$LOA" \
  MARKETPIPE_LOADER_MANAGEMENT_URL="http://127.0.0.1:$((LOA + 10000))"
run archive-service "$ARC" MARKETPIPE_ARCHIVE_ROOT="$WORK/archive" MARKETPIPE_VALIDATOR_URL="http://127.0.0.1:$VAL"
run collector-service "$COL" MARKETPIPE_API_URL="http://127.0.0.1:$SIM" MARKETPIPE_ARCHIVE_URL="http://127.0.0.1:$ARC" \
  MARKETPIPE_LOADER_URL="http://127.0.0.1:$LOA" MARKETPIPE_DB_URL="$DB" MARKETPIPE_COLLECTOR_SYMBOLS="$ALL_CODES" \
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
# backfill CODES FROM TO: runs one backfill and returns once the loader logged each of its batches
backfill() {
  local body job logged0
  body="{\"symbols\":[\"${1//,/\",\"}\"],\"interval\":\"1m\",\"from\":\"$2\",\"to\":\"$3\"}"
  logged0=$(logged)
  job=$(api -fsS -X POST -H 'Content-Type: application/json' -d "$body" -D - -o /dev/null \
    "http://127.0.0.1:$COL/v1/backfills" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  while :; do
    status=$(api -fsS "$job")
    echo "$status" | grep -q '"state":"RUNNING"' || break
    sleep 0.2
  done
  batches=$(echo "$status" | sed -n 's/.*"batches":\([0-9]*\).*/\1/p')
  until [ "$(logged)" -ge $((logged0 + batches)) ]; do sleep 0.2; done
}
# replay FROM TO: replays the archive's market data of those days; prints seconds (startedAt..finishedAt)
replay() {
  local loc status
  loc=$(api -fsS -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"from\":\"$1\",\"to\":\"$2\",\"dataTypes\":[\"market_data\"]}" \
    "http://127.0.0.1:$ARC/v1/replays" | tr -d '\r' | sed -n 's/^[Ll]ocation: //p')
  until status=$(api -fsS "$loc") && ! echo "$status" | grep -q '"state":"RUNNING"'; do sleep 0.2; done
  echo "$status" | grep -q '"state":"SUCCEEDED"' || { echo "replay did not succeed: $status" >&2; exit 1; }
  echo "$status" | python3 -c 'import json, sys; from datetime import datetime as d
s = json.load(sys.stdin); t = lambda k: d.fromisoformat(s[k].replace("Z", "+00:00"))
print((t("finishedAt") - t("startedAt")).total_seconds())'
}
CHECKSUM="SELECT md5(string_agg(concat_ws('|', symbol, timestamp, open, high, low, close, volume, value), ','
  ORDER BY symbol, timestamp)) FROM market_data_1min"

if [ "$WARMUP_DAYS" -gt 0 ]; then
  mapfile -t warm < <(sessions 2025-02 "$WARMUP_DAYS")
  backfill "$CODES" "${warm[0]}" "${warm[${#warm[@]}-1]}"
  echo "warm-up: $batches batches of ${warm[0]}..${warm[${#warm[@]}-1]} backfilled, market_data_1min emptied again"
  $PSQL -c "TRUNCATE market_data_1min"
  $PSQL -c "CHECKPOINT"
fi
if [ -n "${JFR:-}" ]; then
  for name in "${!pid_of[@]}"; do
    jcmd "${pid_of[$name]}" JFR.start name=bench settings=${JFR_SETTINGS:-profile} filename="$WORK/$name.jfr" >/dev/null
  done
fi

echo "== marketpipe backfill: $SYMBOLS symbols, $FROM..$TO, 1m"
cpu_snapshot | sort >"$WORK/cpu0"
[ -z "${THREADS:-}" ] || thread_snapshot >"$WORK/threads0"
t0=$(now)
backfill "$CODES" "$FROM" "$TO"
t1=$(now)
cpu_snapshot | sort >"$WORK/cpu1"
[ -z "${THREADS:-}" ] || thread_snapshot >"$WORK/threads1"
if [ -n "${JFR:-}" ]; then
  for name in "${!pid_of[@]}"; do jcmd "${pid_of[$name]}" JFR.stop name=bench >/dev/null; done
fi
rss_report >"$WORK/rss"
rows=$($PSQL -c 'SELECT count(*) FROM market_data_1min')
records=$(echo "$status" | sed -n 's/.*"records":\([0-9]*\).*/\1/p')
[ "$rows" = "$records" ] || echo "WARNING: bars collected $records but stored $rows"
pipeline_sum=$($PSQL -c "$CHECKSUM")

echo "== marketpipe replay of the archive into the emptied market_data_1min"
$PSQL -c "TRUNCATE market_data_1min"
$PSQL -c "CHECKPOINT"
cpu_snapshot | sort >"$WORK/cpu2"
replay_seconds=$(replay "$FROM" "$TO")
cpu_snapshot | sort >"$WORK/cpu3"
[ "$($PSQL -c "$CHECKSUM")" = "$pipeline_sum" ] && replay_equal=equal || replay_equal=DIFFERENT

peer_line="(skipped: ${PEER:-no PEER script given}${PEER:+ not found})"; peer_equal=
if [ -f "$PEER" ]; then
  echo "== the plain reference pipeline ($PEER --fast)"
  $PSQL -c "CREATE DATABASE peer"
  peer_line=$("$PEER_PYTHON" "$PEER" --api "http://127.0.0.1:$SIM" --db "host=127.0.0.1 port=$PG user=postgres dbname=peer" \
    --symbols "$CODES" --from "$FROM" --to "$TO" --interval 1m --archive "$WORK/peer-archive" --fast \
    --token-url /oauth/token --token-param grant_type=client_credentials \
    --token-param appkey=demo-app-key --token-param appsecret=demo-app-secret | tail -1)
  peer_sum=$(psql -X -A -t -q "postgresql://postgres@127.0.0.1:$PG/peer" -c "$CHECKSUM")
  [ "$peer_sum" = "$pipeline_sum" ] && peer_equal=equal || peer_equal=DIFFERENT
fi

echo "== raw COPY of the same rows into the emptied market_data_1min"
$PSQL -c "\copy (SELECT timestamp, symbol, open, high, low, close, volume, value FROM market_data_1min ORDER BY symbol, timestamp) TO '$WORK/rows.bin' (FORMAT binary)"
$PSQL -c "TRUNCATE market_data_1min"
$PSQL -c "CHECKPOINT"
c0=$(now)
$PSQL -c "\copy market_data_1min (timestamp, symbol, open, high, low, close, volume, value) FROM '$WORK/rows.bin' (FORMAT binary)"
c1=$(now)

if [ "$LARGE" -gt 0 ]; then
  echo "== a $LARGE x larger backfill: $((SYMBOLS * LARGE)) more symbols, $FROM..$TO"
  backfill "$(codes $((SYMBOLS + 10)) $((SYMBOLS * (LARGE + 1) + 9)))" "$FROM" "$TO"
  echo "  $batches batches, $(echo "$status" | sed -n 's/.*"records":\([0-9]*\).*/\1/p') bars; RSS after it:"
  rss_report
  grep -l OutOfMemoryError "$WORK"/*.log && echo "  OutOfMemoryError in the logs above" || echo "  no OutOfMemoryError"
fi

echo
echo "one run, $(date -u '+%F %H:%M UTC'), $rows one-minute bars ($SYMBOLS symbols, $FROM..$TO):"
peer_rate=$(echo "$peer_line" | sed -n 's/.*, \([0-9.]*\) bars\/s$/\1/p')
awk -v rows="$rows" -v c="$(echo "$c1 - $c0" | bc)" -v b="$(echo "$t1 - $t0" | bc)" -v r="$replay_seconds" \
    -v peer="${peer_rate:-0}" -v peq="$peer_equal" -v req="$replay_equal" '
function vs(rate) { if (peer > 0) return sprintf("%.2f", rate / peer); return "" }
BEGIN {
  copy = rows / c
  print "| path | bars/s | x raw COPY | x reference pipeline |"
  print "|---|---|---|---|"
  printf "| raw COPY of the same rows (the limit) | %.0f | 1.00 | |\n", copy
  if (peer > 0) printf "| plain reference pipeline, --fast (table %s) | %.0f | %.3f | 1.00 |\n", peq, peer, peer / copy
  printf "| marketpipe backfill | %.0f | %.3f | %s |\n", rows / b, rows / b / copy, vs(rows / b)
  printf "| marketpipe replay into the emptied table (table %s) | %.0f | %.3f | %s |\n", req, rows / r, rows / r / copy, vs(rows / r)
}'
echo "reference pipeline: $peer_line"
echo "resident memory of the four services at the end of the backfill (JAVA_OPTS=$JAVA_OPTS):"
cat "$WORK/rss"
echo "CPU during the backfill ($(echo "$t1 - $t0" | bc | cut -c1-6) s, 2 cores):"
cpu_report "$WORK/cpu0" "$WORK/cpu1" "$rows"
if [ -n "${THREADS:-}" ]; then
  echo "CPU seconds per thread group during the backfill (at least 0.5 s):"
  join "$WORK/threads0" "$WORK/threads1" | awk '{ d = ($3 - $2) / 100; if (d >= 0.5) printf "  %-50s %6.1f s\n", $1, d }'
fi
echo "CPU during the replay ($replay_seconds s):"
cpu_report "$WORK/cpu2" "$WORK/cpu3" "$rows"
echo "logs: $WORK"
