#!/usr/bin/env bash
# Real time, measured: the simulator's KIS WebSocket feed replays the last KRX trading day before today from 09:00
# KST in real time (a market clock offset, as './marketpipe demo --live' does) for 40 symbols at about 50 trades/s,
# with a burst of about 500 trades/s for 10 s in every third minute (09:02:50-09:03:00, 09:05:50-09:06:00, ...).
# PostgreSQL and the five services run as packaged; the collector holds the feed (batch window BATCH_WINDOW) and its
# live REST job (the one-minute job only: every minute at second 5, the 1-minute bars since its last poll); the
# loader builds 1-minute bars from the stored ticks (grace 1 s) and pushes them to a subscriber that stays connected
# for the whole run (curl -N on /v1/stream/bars, each line stamped on arrival). In the middle the collector is
# stopped (kill -TERM at KILL_AT seconds after 09:00) and started again DOWN seconds later; the feed replays nothing
# it missed. At the end the script reads the loader's /q/metrics, the tape's trade counts from the simulator
# (GET /simulator/feed/trades), market_ticks, market_data_1min and the push stream, and prints one table.
# Usage (after ./mvnw -o -q install -DskipTests; needs python3, curl, psql and the PostgreSQL server binaries):
#   bench/realtime.sh [MINUTES]                      # default 6 minutes, batch window 250ms
#   BATCH_WINDOW=1s bench/realtime.sh 6
# Environment: BATCH_WINDOW (250ms), KILL_AT (200 = 09:03:20), DOWN (110 s: the minute 09:04 passes without a
# collector), TRADES_MIN/TRADES_MAX (40/110 trades a minute per symbol), BURST_EVERY (3 minutes), BURST_FACTOR (10),
# LIVE_REST (1: the collector's live REST job runs and fills what the feed missed; 0: feed only).
# Ports: a random base in 20000..39999 (PostgreSQL base, services base+1..+5, their management ports +10000), so a
# running './marketpipe demo' (8081..8089, 9081..9084, 55432) is not disturbed. Everything is left in the
# /tmp/marketpipe-bench.* folder it names (logs, push-stream.tsv, loader-metrics.txt, summary.md).
set -euo pipefail
MINUTES=${1:-6}
BATCH_WINDOW=${BATCH_WINDOW:-250ms}; KILL_AT=${KILL_AT:-200}; DOWN=${DOWN:-110}; LIVE_REST=${LIVE_REST:-1}
TRADES_MIN=${TRADES_MIN:-40}; TRADES_MAX=${TRADES_MAX:-110}; BURST_EVERY=${BURST_EVERY:-3}; BURST_FACTOR=${BURST_FACTOR:-10}
BURST_START=50; BURST_SECONDS=10
[[ "$MINUTES" =~ ^[0-9]+$ ]] && [ "$MINUTES" -ge 4 ] && [ "$MINUTES" -le 60 ] || { echo "MINUTES must be 4..60" >&2; exit 1; }
[ $((KILL_AT + DOWN + 30)) -lt $((MINUTES * 60)) ] || { echo "KILL_AT + DOWN must leave 30 s before the end" >&2; exit 1; }
[ "$LIVE_REST" = 0 ] || [ "$LIVE_REST" = 1 ] || { echo "LIVE_REST must be 0 or 1" >&2; exit 1; }
LIVE_ENABLED=$([ "$LIVE_REST" = 1 ] && echo true || echo false)
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/marketpipe-bench.XXXXXX)
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while :; do
  base=$((20000 + RANDOM % 20000)); ok=1
  for p in $base $((base + 1)) $((base + 2)) $((base + 3)) $((base + 4)) $((base + 5)) \
    $((base + 10002)) $((base + 10003)) $((base + 10004)) $((base + 10005)); do port_free "$p" || ok=0; done
  [ "$ok" = 1 ] && break
done
PG=$base; SIM=$((base + 1)); LOA=$((base + 2)); VAL=$((base + 3)); ARC=$((base + 4)); COL=$((base + 5))
# the 20 symbols the simulator and the collector are configured with, and 20 more KRX codes
SYMBOLS="005930,000660,035420,005380,051910,006400,035720,000270,068270,105560,055550,012330,028260,066570,003550,096770,017670,034730,015760,032830"
SYMBOLS+=",207940,005490,373220,000810,086790,011200,010130,033780,009150,018260,316140,024110,011170,010950,036570,251270,090430,047050,012450,003670"
source "$ROOT/bench/common.sh"
DISPOSABLE=(pg archive app)
declare -A pid_of
# The packaged applications are copied first: a build running meanwhile cannot change them under the services.
mkdir -p "$WORK/app"
for name in market-simulator loader-service validator-service archive-service collector-service; do
  cp -r "$ROOT/$name/target/quarkus-app" "$WORK/app/$name"
done
run() { # name port heap env...
  local name=$1 port=$2 heap=$3; shift 3
  env "$@" QUARKUS_HTTP_PORT="$port" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_MANAGEMENT_PORT=$((port + 10000)) \
    java "-Xmx$heap" -jar "$WORK/app/$name/quarkus-run.jar" >>"$WORK/$name.log" 2>&1 & pids+=($!)
  pid_of[$name]=$!
}

# The replayed day: the last weekday before today (KST) that the shipped calendar lists neither as a holiday nor
# as a special session. 09:00 KST of that day happens at wall time T0, a whole minute at least 100 s from now
# (start-up), so the offset is whole minutes and the collector's cron second 5 is market second 5.
day=$(TZ=Asia/Seoul date +%F)
while :; do
  day=$(date -d "$day 1 day ago" +%F)
  case $(date -d "$day" +%u) in 6|7) continue ;; esac
  grep -q "^$day" "$ROOT/market-contracts/src/main/resources/dev/marketpipe/calendar/"*.txt || break
done
OPEN=$(TZ=Asia/Seoul date -d "$day 09:00:00" +%s)
T0=$(( ($(date +%s) + 100 + 59) / 60 * 60 ))
OFFSET=$((OPEN - T0))
END=$((OPEN + MINUTES * 60))
market_now() { echo $(( $(date +%s) + OFFSET )); }
kst() { TZ=Asia/Seoul date -d "@$1" +%T; }

"$ROOT/scripts/pg-throwaway" start "$WORK/pg" "$PG" >/dev/null
PSQL=(psql -X -A -t -q -v ON_ERROR_STOP=1 "postgresql://postgres@127.0.0.1:$PG/postgres")
DB=jdbc:postgresql://127.0.0.1:$PG/postgres
run market-simulator "$SIM" 512m MARKETPIPE_SIMULATOR_SYMBOLS="$SYMBOLS" MARKETPIPE_SIMULATOR_INVALID_FRACTION=0 \
  MARKETPIPE_SIMULATOR_TAPE_MIN_TRADES_PER_MINUTE="$TRADES_MIN" MARKETPIPE_SIMULATOR_TAPE_MAX_TRADES_PER_MINUTE="$TRADES_MAX" \
  MARKETPIPE_SIMULATOR_TAPE_BURST_EVERY_MINUTES="$BURST_EVERY" MARKETPIPE_SIMULATOR_TAPE_BURST_START_SECOND=$BURST_START \
  MARKETPIPE_SIMULATOR_TAPE_BURST_SECONDS=$BURST_SECONDS MARKETPIPE_SIMULATOR_TAPE_BURST_FACTOR="$BURST_FACTOR"
run loader-service "$LOA" 384m MARKETPIPE_DB_URL="$DB" MARKETPIPE_CLOCK_OFFSET="PT${OFFSET}S"
run validator-service "$VAL" 384m MARKETPIPE_LOADER_URL="http://127.0.0.1:$LOA" \
  MARKETPIPE_LOADER_MANAGEMENT_URL="http://127.0.0.1:$((LOA + 10000))"
run archive-service "$ARC" 384m MARKETPIPE_ARCHIVE_ROOT="$WORK/archive" MARKETPIPE_VALIDATOR_URL="http://127.0.0.1:$VAL"
COLLECTOR_ENV=(MARKETPIPE_COLLECTOR_API_PROVIDER=kis MARKETPIPE_COLLECTOR_API_NAME=simulator-kis
  MARKETPIPE_COLLECTOR_KIS_URL="http://127.0.0.1:$SIM" MARKETPIPE_COLLECTOR_API_APP_KEY=demo-app-key
  MARKETPIPE_COLLECTOR_API_APP_SECRET=demo-app-secret MARKETPIPE_COLLECTOR_KIS_ACCOUNT=12345678-01
  MARKETPIPE_ARCHIVE_URL="http://127.0.0.1:$ARC" MARKETPIPE_LOADER_URL="http://127.0.0.1:$LOA" MARKETPIPE_DB_URL="$DB"
  MARKETPIPE_COLLECTOR_SYMBOLS="$SYMBOLS" MARKETPIPE_COLLECTOR_SPOOL_DIR="$WORK/spool" MARKETPIPE_CLOCK_OFFSET="PT${OFFSET}S"
  MARKETPIPE_COLLECTOR_REPLICA_INSTANCE_ID=bench-collector
  MARKETPIPE_COLLECTOR_REALTIME_ENABLED=true MARKETPIPE_COLLECTOR_REALTIME_URL="ws://127.0.0.1:$SIM"
  MARKETPIPE_COLLECTOR_REALTIME_BATCH_WINDOW="$BATCH_WINDOW"
  MARKETPIPE_COLLECTOR_LIVE_ENABLED=$LIVE_ENABLED MARKETPIPE_COLLECTOR_SCHEDULE_FIVE_MINUTE_ENABLED=false
  MARKETPIPE_COLLECTOR_SCHEDULE_DAILY_ENABLED=false MARKETPIPE_COLLECTOR_SCHEDULE_ORDERBOOK_ENABLED=false
  MARKETPIPE_COLLECTOR_SCHEDULE_ACCOUNT_INFO_ENABLED=false MARKETPIPE_COLLECTOR_SCHEDULE_POSITIONS_ENABLED=false
  MARKETPIPE_COLLECTOR_SCHEDULE_ORDERS_ENABLED=false MARKETPIPE_COLLECTOR_GAPFILL_SCHEDULE_ENABLED=false)
run collector-service "$COL" 384m "${COLLECTOR_ENV[@]}"
for port in $SIM $LOA $VAL $ARC $COL; do ready "$port"; done
now=$(date +%s.%N)
[ "${now%.*}" -lt "$T0" ] || { echo "start-up took longer than 100 s; 09:00 has passed" >&2; exit 1; }
curl -fsS -o /dev/null -X PUT -H 'Content-Type: application/json' \
  -d "{\"at\":\"$(date -u -d "@$(echo "$now + $OFFSET" | bc)" +%FT%T.%3NZ)\",\"speed\":1.0}" "http://127.0.0.1:$SIM/simulator/clock"
echo "replaying $day from 09:00 KST for $MINUTES minutes: 40 symbols, ${TRADES_MIN}..${TRADES_MAX} trades/min each," \
  "bursts x$BURST_FACTOR every $BURST_EVERY min; batch window $BATCH_WINDOW; live REST job $LIVE_ENABLED; work folder $WORK"
# the push-stream subscriber: every line with its arrival time (wall clock, s)
( curl -sN -H "Authorization: Bearer $MARKETPIPE_TOKEN" -H 'Accept: text/event-stream' \
    "http://127.0.0.1:$LOA/v1/stream/bars?symbols=$SYMBOLS&interval=1m" \
    | while IFS= read -r line; do printf '%s\t%s\n' "$EPOCHREALTIME" "$line"; done >"$WORK/push-stream.tsv" ) &
pids+=($!)

subscriptions() { curl -fs "http://127.0.0.1:$SIM/simulator/feed" | sed -n 's/.*"subscriptions":\([0-9]*\).*/\1/p'; }
KILLED=0 RESTARTED=0 RESUBSCRIBED=0
while :; do
  m=$(market_now)
  if [ "$KILLED" = 0 ] && [ "$m" -ge $((OPEN + KILL_AT)) ]; then
    KILLED=$(echo "$(date +%s.%N) + $OFFSET" | bc)
    kill -TERM "${pid_of[collector-service]}"
    wait "${pid_of[collector-service]}" 2>/dev/null || true
    printf '  %s collector stopped (kill -TERM; exited after %.2f s)\n' "$(kst "$m")" "$(echo "$(date +%s.%N) + $OFFSET - $KILLED" | bc)"
  fi
  if [ "$KILLED" != 0 ] && [ "$RESTARTED" = 0 ] && [ "$m" -ge $((OPEN + KILL_AT + DOWN)) ]; then
    RESTARTED=$m
    run collector-service "$COL" 384m "${COLLECTOR_ENV[@]}"
    echo "  $(kst "$m") collector started again"
  fi
  if [ "$RESTARTED" != 0 ] && [ "$RESUBSCRIBED" = 0 ] && [ "$(subscriptions)" = 80 ]; then
    RESUBSCRIBED=$(echo "$(date +%s.%N) + $OFFSET" | bc)
    echo "  $(kst "$m") collector subscribed again to the 40 symbols' trades and order books"
  fi
  [ "$m" -ge $((END + 25)) ] && [ "$RESUBSCRIBED" != 0 ] && break
  [ "$m" -lt $((END + 120)) ] || { echo "the collector never subscribed again, see $WORK" >&2; exit 1; }
  sleep 0.2
done
curl -fsS "http://127.0.0.1:$((LOA + 10000))/q/metrics" >"$WORK/loader-metrics.txt"
for name in "${!pid_of[@]}"; do
  echo "$name $(awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { print r, h }' "/proc/${pid_of[$name]}/status") $(ps -o times= -p "${pid_of[$name]}")"
done >"$WORK/rss.txt"

python3 - "$WORK" "http://127.0.0.1:$SIM" "postgresql://postgres@127.0.0.1:$PG/postgres" "$SYMBOLS" "$OPEN" "$MINUTES" \
  "$OFFSET" "$KILLED" "$RESUBSCRIBED" "$BURST_EVERY" "$BURST_START" "$BURST_SECONDS" "$BATCH_WINDOW" "$day" "$LIVE_REST" <<'PY'
import json, math, subprocess, sys, urllib.request
from datetime import datetime, timezone, timedelta

work, sim, pg, symbols, open_, minutes, offset, killed, resubscribed, every, bstart, bsec, window, day, rest = sys.argv[1:]
open_, minutes, offset, every, bstart, bsec = int(open_), int(minutes), int(offset), int(every), int(bstart), int(bsec)
killed, resubscribed = float(killed), float(resubscribed)
end = open_ + minutes * 60
kst = timezone(timedelta(hours=9))
def hms(t): return datetime.fromtimestamp(t, kst).strftime("%H:%M:%S")
def iso(t): return datetime.fromtimestamp(t, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
def sql(q): return [r.split("\t") for r in subprocess.run(["psql", "-X", "-A", "-t", "-q", "-F", "\t", pg, "-c", q],
                    check=True, capture_output=True, text=True).stdout.splitlines() if r]
def tape(a, b):
    with urllib.request.urlopen(f"{sim}/simulator/feed/trades?from={iso(a)}&to={iso(b)}&symbols={symbols}") as r:
        return json.load(r)
def stored(a, b):
    return int(sql(f"SELECT count(*) FROM market_ticks WHERE \"timestamp\" >= to_timestamp({a}) AND \"timestamp\" < to_timestamp({b})")[0][0])
def pct(values, p):
    if not values: return float("nan")
    s = sorted(values); return s[max(0, math.ceil(p / 100 * len(s)) - 1)]
def summary(values): return f"p50 {pct(values, 50):.2f} s, p99 {pct(values, 99):.2f} s, max {max(values):.2f} s ({len(values)})" if values else "-"

# ticks: the tape against market_ticks, while the collector was up (a margin of 2 s before the kill: a second's
# frame leaves the simulator 1..1.25 s after the second ends) and from the second after it had subscribed again
up = [(open_, int(killed) - 2), (int(resubscribed) + 1, end)]
tape_up = sum(tape(a, b)["trades"] for a, b in up)
stored_up = sum(stored(a, b) for a, b in up)
tape_all = tape(open_, end)["trades"]
stored_all = stored(open_, end)
down = (int(killed) - 2, int(resubscribed) + 1)
tape_down, stored_down = tape(*down)["trades"], stored(*down)

# per symbol-minute: tape trades, stored ticks, the final bar (after REST healed and replaced)
syms = symbols.split(",")
tape_min, stored_min = {}, {}
for i in range(minutes):
    counts = tape(open_ + 60 * i, open_ + 60 * i + 60)["symbols"]
    for s in syms: tape_min[(s, open_ + 60 * i)] = counts[s]
for s, m, c in sql(f"SELECT symbol, extract(epoch FROM date_trunc('minute', \"timestamp\"))::bigint, count(*) FROM market_ticks "
                   f"WHERE \"timestamp\" >= to_timestamp({open_}) AND \"timestamp\" < to_timestamp({end}) GROUP BY 1, 2"):
    stored_min[(s, int(m))] = int(c)
final = {(s, int(m)): (o, h, l, c, int(v), src) for s, m, o, h, l, c, v, src in sql(
    "SELECT symbol, extract(epoch FROM \"timestamp\")::bigint, open::numeric(15,2), high::numeric(15,2), low::numeric(15,2), "
    f"close::numeric(15,2), volume, source FROM market_data_1min WHERE \"timestamp\" >= to_timestamp({open_}) AND \"timestamp\" < to_timestamp({end})")}
no_ticks = sorted(k for k in tape_min if stored_min.get(k, 0) == 0)
partial = sorted(k for k in tape_min if 0 < stored_min.get(k, 0) < tape_min[k])
complete = {k for k in tape_min if stored_min.get(k, 0) == tape_min[k] and tape_min[k] > 0}
healed_missing = sum(1 for k in no_ticks if k in final and final[k][5] == "rest")
healed_partial = sum(1 for k in partial if k in final and final[k][5] == "rest")
differences = int(sql(f"SELECT count(*) FROM bar_source_difference WHERE \"timestamp\" >= to_timestamp({open_}) AND \"timestamp\" < to_timestamp({end})")[0][0])
sources = dict((s, int(c)) for s, c in sql(f"SELECT source, count(*) FROM market_data_1min WHERE \"timestamp\" >= to_timestamp({open_}) AND \"timestamp\" < to_timestamp({end}) GROUP BY 1"))

# the push stream: each event's bars with its source, its commit time and the arrival of its data line (market clock)
events = {}
for line in open(f"{work}/push-stream.tsv"):
    at, _, text = line.rstrip("\n").partition("\t")
    if not text.startswith("data:"): continue
    event = json.loads(text[5:])
    committed = datetime.fromisoformat(event["committedAt"].replace("Z", "+00:00")).timestamp() + offset
    received = float(at) + offset
    for bar in event["bars"]:
        t = int(datetime.fromisoformat(bar["timestamp"].replace("Z", "+00:00")).timestamp())
        if open_ <= t < end:
            values = tuple(f"{float(bar[k]):.2f}" for k in ("open", "high", "low", "close")) + (int(bar["volume"]),)
            events.setdefault((event["symbol"], t), []).append(
                (event["id"], event.get("source", "ticks"), committed - t - 60, received - t - 60, values))
# bars built from ticks: the first push of each symbol-minute's bar (all of them, as the loader's histogram counts
# them), and, for the symbol-minutes whose every trade was stored, whether that first push equals the bar the
# simulator serves (the REST bar that replaced it)
tick_c, tick_p, by_minute, early_wrong, checked, rebuilt = [], [], {}, 0, 0, 0
for k, evs in events.items():
    evs = [e for e in sorted(evs) if e[1] == "ticks"]
    if not evs: continue
    tick_c.append(evs[0][2]); tick_p.append(evs[0][3])
    by_minute[k[1]] = max(by_minute.get(k[1], float("-inf")), evs[0][3])
    rebuilt += len(evs) > 1
    if k in complete and k in final and final[k][5] == "rest":
        checked += 1
        early_wrong += evs[0][4] != tuple(final[k][:5])
# when the last trade of each symbol-minute was stored, after the minute's end (the builder waits 1 s)
last_tick = [float(r[0]) for r in sql(
    f"SELECT extract(epoch FROM max(created_at)) + {offset} - extract(epoch FROM date_trunc('minute', \"timestamp\")) - 60 "
    f"FROM market_ticks WHERE \"timestamp\" >= to_timestamp({open_}) AND \"timestamp\" < to_timestamp({end}) "
    "GROUP BY symbol, date_trunc('minute', \"timestamp\")")]
healed_at = [min(e[3] for e in events.get(k, []) if e[1] == "rest") for k in no_ticks
             if any(e[1] == "rest" for e in events.get(k, []))]

# bursts: the tape's trades, the stored ones, and how long after its second ended each reached its row
bursts, quiet = [], []
for i in range(minutes):
    if not (every > 0 and i % every == every - 1):
        quiet.append(sum(tape_min[(s, open_ + 60 * i)] for s in syms))
    if every > 0 and i % every == every - 1:
        a = open_ + 60 * i + bstart; b = a + bsec
        t = tape(a, b)["trades"]
        rows = sql(f"SELECT extract(epoch FROM created_at) + {offset} - extract(epoch FROM \"timestamp\") - 1 FROM market_ticks "
                   f"WHERE \"timestamp\" >= to_timestamp({a}) AND \"timestamp\" < to_timestamp({b})")
        lag = [float(r[0]) for r in rows]
        peak = sql(f"SELECT coalesce(max(n), 0) FROM (SELECT count(*) n FROM market_ticks WHERE \"timestamp\" >= to_timestamp({a}) "
                   f"AND \"timestamp\" < to_timestamp({b}) GROUP BY date_trunc('second', created_at)) x")[0][0]
        bursts.append((a, b, t, len(lag), lag, int(peak)))

# the loader's histogram: the smallest bucket bound holding 99 %
def p99_bound(stage):
    buckets = []
    for line in open(f"{work}/loader-metrics.txt"):
        if line.startswith("marketpipe_bar_freshness_seconds_bucket") and f'stage="{stage}"' in line:
            le = line.split('le="')[1].split('"')[0]
            buckets.append((math.inf if le == "+Inf" else float(le), float(line.rsplit(" ", 1)[1])))
    buckets.sort()
    total = buckets[-1][1] if buckets else 0
    if not total: return "-"
    bound = next(b for b, c in buckets if c >= 0.99 * total)
    share = lambda x: next((c for b, c in buckets if b == x), 0) / total * 100
    return f"p99 ≤ {bound:g} s ({int(total)} bars; ≤ 2 s: {share(2.0):.1f} %, ≤ 2.5 s: {share(2.5):.1f} %)"

rss = {}
for line in open(f"{work}/rss.txt"):
    name, r, h, cpu = line.split()
    rss[name] = (int(r) // 1024, int(h) // 1024, cpu)

n_sm = len(tape_min)
rows = [
    ("replayed", f"{day} {hms(open_)}–{hms(end)} KST, 40 symbols, batch window {window}, "
                 f"live REST job {'on' if rest == '1' else 'off'}"),
    ("tape (simulator)", f"{tape_all} trades = {tape_all / (end - open_):.1f} trades/s; "
                         f"{sum(quiet) / (60 * len(quiet)):.1f} trades/s in the minutes without a burst"),
    ("ticks stored", f"{stored_all}"),
]
for a, b, t, n, lag, peak in bursts:
    rows.append((f"burst {hms(a)}–{hms(b)}", f"tape {t} trades = {t / (b - a):.0f}/s; stored {n} = {n / (b - a):.0f}/s received; "
                 f"trade second end → row stored {summary(lag)}; peak {peak} rows stored in one second"))
rows += [
    ("collector restart", f"kill -TERM at {hms(killed)}, subscribed again at {hms(resubscribed)} ({resubscribed - killed:.0f} s)"),
    ("ticks lost (collector up)", f"{tape_up - stored_up} (tape {tape_up} trades in {hms(up[0][0])}–{hms(up[0][1])} and "
                                  f"{hms(up[1][0])}–{hms(up[1][1])}, stored {stored_up})"),
    ("not received (collector down)", f"{tape_down - stored_down} of {tape_down} trades in {hms(down[0])}–{hms(down[1])}"),
    ("symbol-minutes without a tick bar", f"{len(no_ticks)} of {n_sm} ({', '.join(sorted({hms(m)[:5] for _, m in no_ticks})) or '-'}); "
                                          f"healed by REST bars: {healed_missing if rest == '1' else '- (live REST job off)'}"),
    ("symbol-minutes with part of their ticks", f"{len(partial)} ({', '.join(sorted({hms(m)[:5] for _, m in partial})) or '-'}); "
                                                f"replaced by REST bars: {healed_partial}; tick bar ≠ REST bar (bar_source_difference): {differences}"),
    ("bars stored at the end", f"{len(final)} of {n_sm} ({', '.join(f'{k} {v}' for k, v in sorted(sources.items()))})"),
    ("bar end → committed (loader histogram)", p99_bound("committed")),
    ("bar end → pushed (loader histogram)", p99_bound("pushed")),
    ("last trade of a symbol-minute stored", "bar end + " + summary(last_tick)),
    ("bars from ticks: bar end → committed", summary(tick_c) + " (exact, first commit of each bar)"),
    ("bars from ticks: bar end → received by the subscriber", summary(tick_p) + "; slowest by minute: "
                                                              + ", ".join(f"{hms(m)[:5]} {v:.2f} s" for m, v in sorted(by_minute.items()))),
    ("bars from ticks equal to the simulator's bar", f"{checked - early_wrong} of {checked} symbol-minutes with every trade stored, "
                                                     f"at their first push; bars pushed again after late trades: {rebuilt}"),
]
if rest == "1":
    rows.append(("minutes the feed missed: bar end → REST bar received", summary(healed_at)))
for name in ("market-simulator", "collector-service", "archive-service", "validator-service", "loader-service"):
    if name in rss:
        r, h, cpu = rss[name]
        rows.append((f"RSS {name}", f"{r} MB (peak {h} MB), CPU {cpu} s" + (" since its restart" if name == "collector-service" else "")))
width = max(len(k) for k, _ in rows)
print()
for k, v in rows: print(f"  {k:<{width}}  {v}")
with open(f"{work}/summary.md", "w") as out:
    out.write("| measure | result |\n|---|---|\n")
    for k, v in rows: out.write(f"| {k} | {v} |\n")
PY
echo "work folder: $WORK (summary.md, push-stream.tsv, loader-metrics.txt, logs)"
