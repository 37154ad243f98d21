#!/usr/bin/env bash
# Live 1-minute job under the coverage plan, measured: 2,700 symbols against the packaged
# simulator, the packaged collector with the real shared rate budget (PostgreSQL), an archive stub that records
# arrivals. Usage (after ./mvnw -B -q -ntp package -DskipTests):
#   bench/live-plan.sh real  10    # 19 requests/s (KIS real account), 10 simulated minutes
#   bench/live-plan.sh paper 10    # 2 requests/s (paper account)
set -euo pipefail
MODE=${1:-real}; MINUTES=${2:-10}; SYMBOLS=${SYMBOLS:-2700}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/marketpipe-bench.XXXXXX)
base=$((20000 + RANDOM % 20000)); PG=$base; SIM=$((base + 1)); STUB=$((base + 2)); COL=$((base + 3))
CODES=$(seq -f '%06g' 10 $((SYMBOLS + 9)) | paste -sd, -)   # 000010 .. 002709
source "$ROOT/bench/common.sh"
"$ROOT/scripts/pg-throwaway" start "$WORK/pg" "$PG" >/dev/null
MARKETPIPE_SIMULATOR_SYMBOLS=$CODES QUARKUS_HTTP_PORT=$SIM \
  java -jar "$ROOT/market-simulator/target/quarkus-app/quarkus-run.jar" >"$WORK/simulator.log" 2>&1 & pids+=($!)
python3 "$ROOT/bench/archive_stub.py" "$STUB" "$WORK/batches.jsonl" & pids+=($!)
PAPER=false; [ "$MODE" = paper ] && PAPER=true
MARKETPIPE_API_URL=http://127.0.0.1:$SIM MARKETPIPE_ARCHIVE_URL=http://127.0.0.1:$STUB \
  MARKETPIPE_LOADER_URL=http://127.0.0.1:$STUB MARKETPIPE_DB_URL=jdbc:postgresql://127.0.0.1:$PG/postgres \
  MARKETPIPE_COLLECTOR_LIVE_ENABLED=false MARKETPIPE_COLLECTOR_GAPFILL_SCHEDULE_ENABLED=false \
  MARKETPIPE_COLLECTOR_CONTROL_LIVE_TRIGGER=true MARKETPIPE_COLLECTOR_SYMBOLS=$CODES \
  MARKETPIPE_COLLECTOR_BUDGET_PAPER_ACCOUNT=$PAPER QUARKUS_HTTP_PORT=$COL QUARKUS_MANAGEMENT_PORT=$((COL + 10000)) \
  java -jar "$ROOT/collector-service/target/quarkus-app/quarkus-run.jar" >"$WORK/collector.log" 2>&1 & pids+=($!)
ready "$SIM"
for _ in $(seq 120); do curl -fs "http://127.0.0.1:$((COL + 10000))/q/health/live" >/dev/null 2>&1 && break; sleep 1; done
api -fs "http://127.0.0.1:$COL/v1/plan" ; echo
# Tuesday 2025-03-11, from the open (09:00 KST = 00:00 UTC)
python3 "$ROOT/bench/drive.py" "http://127.0.0.1:$COL" "$WORK/batches.jsonl" 2025-03-11T00:00:00Z "$MINUTES" "$MODE" "$SYMBOLS"
echo "logs: $WORK"
