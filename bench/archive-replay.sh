#!/usr/bin/env bash
# Archive write throughput and replay throughput, measured. Usage, after
# ./mvnw -B -q -ntp package -DskipTests (needs python3, curl, and the PostgreSQL server binaries and psql):
#   bench/archive-replay.sh [SYMBOLS] [FROM] [TO] [WRITE_SECONDS] [CLIENTS]
#   defaults: 20 symbols, 2025-03-04..2025-03-31 (20 trading days of 1-minute bars), 30 s per write run, 8 clients
# 1. Write: the packaged archive-service (filesystem store, fsync) with its validator unreachable, so only the intake
#    runs (the outbox backs off); bench/archive_write.py posts 3-bar (live job) and 390-bar (one day, backfill) batches.
# 2. Replay: PostgreSQL, simulator, loader, validator, archive and collector; a backfill fills the archive and the
#    tables; then market_data_1min is emptied and POST /v1/replays re-sends the range (bars/s from the replay's own
#    startedAt/finishedAt); then the same replay over the full table (every row unchanged); then, as the physical
#    reference, psql \copy of the same rows into the emptied table.
set -euo pipefail
SYMBOLS=${1:-20}; FROM=${2:-2025-03-04}; TO=${3:-2025-03-31}; WRITE_SECONDS=${4:-30}; CLIENTS=${5:-8}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/marketpipe-bench.XXXXXX)
base=$((20000 + RANDOM % 20000)); PG=$base; SIM=$((base + 1)); LOADER=$((base + 2)); VALIDATOR=$((base + 3))
ARCHIVE=$((base + 4)); COLLECTOR=$((base + 5)); WRITER=$((base + 6)); NOWHERE=$((base + 7))
CODES=$(seq -f '%06g' 10 $((SYMBOLS + 9)) | paste -sd, -)   # 000010 ...
source "$ROOT/bench/common.sh"
run() { # NAME PORT ENV... : start a packaged service in the background
  local name=$1 port=$2; shift 2
  env "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$((port + 10000)) \
    java -Xmx512m -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" >"$WORK/$name-$port.log" 2>&1 & pids+=($!)
}
sql() { psql -h 127.0.0.1 -p "$PG" -U postgres -d postgres -Atqc "$1"; }
now() { date +%s.%N; }
rate() { python3 -c "import sys; n, a, b = map(float, sys.argv[1:]); print(round(b - a, 1), round(n / (b - a)))" "$@"; }

echo "== archive write (fsync, filesystem store, validator unreachable)"
run archive-service "$WRITER" MARKETPIPE_ARCHIVE_ROOT="$WORK/write-archive" \
  MARKETPIPE_VALIDATOR_URL="http://127.0.0.1:$NOWHERE"
ready "$WRITER"
python3 "$ROOT/bench/archive_write.py" "http://127.0.0.1:$WRITER" "$WRITE_SECONDS" "$CLIENTS" 3 "$WORK/durable-3"
python3 "$ROOT/bench/archive_write.py" "http://127.0.0.1:$WRITER" "$WRITE_SECONDS" "$CLIENTS" 390 "$WORK/durable-390"
kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; unset 'pids[-1]'

echo "== replay ($SYMBOLS symbols, $FROM..$TO, 1m)"
URL=$("$ROOT/scripts/pg-throwaway" start "$WORK/pg" "$PG")
run market-simulator "$SIM" MARKETPIPE_SIMULATOR_SYMBOLS="$CODES" MARKETPIPE_SIMULATOR_INVALID_FRACTION=0
run loader-service "$LOADER" MARKETPIPE_DB_URL="$URL"
run validator-service "$VALIDATOR" MARKETPIPE_LOADER_URL="http://127.0.0.1:$LOADER" \
  MARKETPIPE_LOADER_MANAGEMENT_URL="http://127.0.0.1:$((LOADER + 10000))"
run archive-service "$ARCHIVE" MARKETPIPE_ARCHIVE_ROOT="$WORK/archive" \
  MARKETPIPE_VALIDATOR_URL="http://127.0.0.1:$VALIDATOR"
for p in "$SIM" "$LOADER" "$VALIDATOR" "$ARCHIVE"; do ready "$p"; done
run collector-service "$COLLECTOR" MARKETPIPE_API_URL="http://127.0.0.1:$SIM" MARKETPIPE_DB_URL="$URL" \
  MARKETPIPE_ARCHIVE_URL="http://127.0.0.1:$ARCHIVE" MARKETPIPE_LOADER_URL="http://127.0.0.1:$LOADER" \
  MARKETPIPE_COLLECTOR_LIVE_ENABLED=false MARKETPIPE_COLLECTOR_GAPFILL_SCHEDULE_ENABLED=false \
  MARKETPIPE_COLLECTOR_SYMBOLS="$CODES" MARKETPIPE_COLLECTOR_SCHEDULE_ORDERBOOK_ENABLED=false \
  MARKETPIPE_COLLECTOR_SCHEDULE_ACCOUNT_INFO_ENABLED=false MARKETPIPE_COLLECTOR_SCHEDULE_POSITIONS_ENABLED=false \
  MARKETPIPE_COLLECTOR_SCHEDULE_ORDERS_ENABLED=false
ready "$COLLECTOR"
SYMS=$(echo "$CODES" | sed 's/[^,]*/"&"/g')
t0=$(now)
JOB=$(api -fs -D - -o /dev/null -H 'Content-Type: application/json' \
  -d "{\"symbols\":[$SYMS],\"interval\":\"1m\",\"from\":\"$FROM\",\"to\":\"$TO\"}" \
  "http://127.0.0.1:$COLLECTOR/v1/backfills" | tr -d '\r' | sed -n 's/^Location: //Ip')
until api -fs "$JOB" | grep -q '"state":"SUCCEEDED"'; do sleep 1; done
BATCHES=$(api -fs "$JOB" | python3 -c 'import json,sys; print(json.load(sys.stdin)["batches"])')
until [ "$(sql 'SELECT count(*) FROM loaded_batch')" = "$BATCHES" ]; do sleep 0.5; done
t1=$(now)
BARS=$(sql 'SELECT count(*) FROM market_data_1min')
read -r secs per <<<"$(rate "$BARS" "$t0" "$t1")"
echo "{\"pipelineBackfill\":{\"batches\":$BATCHES,\"bars\":$BARS,\"seconds\":$secs,\"barsPerSecond\":$per}}"

replay() { # LABEL
  local loc
  loc=$(api -fs -D - -o /dev/null -H 'Content-Type: application/json' -d "{\"from\":\"$FROM\",\"to\":\"$TO\"}" \
    "http://127.0.0.1:$ARCHIVE/v1/replays" | tr -d '\r' | sed -n 's/^Location: //Ip')
  until api -fs "$loc" | grep -qv '"state":"RUNNING"'; do sleep 0.5; done
  api -fs "$loc" | python3 -c '
import json, sys
from datetime import datetime
s = json.load(sys.stdin)
t = (datetime.fromisoformat(s["finishedAt"].replace("Z", "+00:00")) - datetime.fromisoformat(s["startedAt"].replace("Z", "+00:00"))).total_seconds()
print(json.dumps({sys.argv[1]: {"state": s["state"], "batches": s["batchesSent"], "failed": s["batchesFailed"], "bars": s["bars"], "seconds": round(t, 1), "barsPerSecond": round(s["bars"] / t)}}))' "$1"
}
SUM="SELECT md5(string_agg(concat_ws('|', symbol, timestamp, open, high, low, close, volume, value), ',' ORDER BY symbol, timestamp)) FROM market_data_1min"
BEFORE=$(sql "$SUM")
sql 'TRUNCATE market_data_1min'
replay replayIntoEmptyTable
[ "$(sql "$SUM")" = "$BEFORE" ] && echo '{"checksumAfterReplay":"equal"}' || echo '{"checksumAfterReplay":"DIFFERENT"}'
replay replayOverUnchangedRows
sql "\\copy (SELECT timestamp, symbol, open, high, low, close, volume, value FROM market_data_1min) TO '$WORK/bars.csv' CSV"
sql 'TRUNCATE market_data_1min'
t0=$(now)
sql "\\copy market_data_1min (timestamp, symbol, open, high, low, close, volume, value) FROM '$WORK/bars.csv' CSV"
t1=$(now)
read -r secs per <<<"$(rate "$BARS" "$t0" "$t1")"
echo "{\"copyReference\":{\"rows\":$BARS,\"seconds\":$secs,\"rowsPerSecond\":$per}}"
echo "logs: $WORK"
