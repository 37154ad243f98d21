#!/usr/bin/env bash
# Read API latency: p50/p99 of GET /v1/bars for one symbol-day of 1-minute bars, as JSON and
# as CSV, against the packaged loader on a throwaway PostgreSQL that also holds one day of ~2,600 other symbols.
# Usage (after ./mvnw -B -q -ntp -pl loader-service -am package -DskipTests; needs python3 and the PostgreSQL
# server binaries):
#   bench/read-latency.sh            # 500 GETs per format, 2,600 background symbols
#   N=1000 SYMBOLS=500 bench/read-latency.sh
set -euo pipefail
N=${N:-500}; SYMBOLS=${SYMBOLS:-2600}; DAY=${DAY:-2025-03-11}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/marketpipe-bench.XXXXXX)
base=$((20000 + RANDOM % 20000)); PG=$base; LOADER=$((base + 1))
source "$ROOT/bench/common.sh"
DISPOSABLE=(pg)  # ~1 GB of throwaway data; the loader log stays
"$ROOT/scripts/pg-throwaway" start "$WORK/pg" "$PG" >/dev/null
MARKETPIPE_DB_URL=jdbc:postgresql://127.0.0.1:$PG/postgres QUARKUS_HTTP_PORT=$LOADER QUARKUS_MANAGEMENT_PORT=$((LOADER + 10000)) \
  java -jar "$ROOT/loader-service/target/quarkus-app/quarkus-run.jar" >"$WORK/loader.log" 2>&1 & pids+=($!)
ready "$LOADER"

python3 - "http://127.0.0.1:$LOADER" "$DAY" "$SYMBOLS" "$N" <<'PY'
import concurrent.futures, datetime, http.client, json, os, sys, time, urllib.parse, urllib.request, uuid

base, day, symbols, n = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
host = urllib.parse.urlparse(base).netloc
AUTH = {"Authorization": "Bearer " + os.environ["MARKETPIPE_TOKEN"]}

# The bar starts come from the market calendar, through the loader's daily report of the (still empty) day.
report = json.load(urllib.request.urlopen(urllib.request.Request(f"{base}/v1/reports/daily?date={day}&interval=1m", headers=AUTH)))
session_open = datetime.datetime.fromisoformat(report["sessionOpen"]).astimezone(datetime.timezone.utc)
bars_per_day = report["expectedBars"]
starts = [(session_open + datetime.timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ") for i in range(bars_per_day)]

def batch(symbol, seed):
    bars = []
    for i, ts in enumerate(starts):
        price = 10_000 + (seed * 37 + i * 13) % 5_000
        volume = 1_000 + (seed + i) % 977
        bars.append({"bar": {"timestamp": ts, "symbol": symbol, "open": price, "high": price + 50,
                             "low": price - 50, "close": price + 10, "volume": volume,
                             "value": (price + 10) * volume}, "flags": []})
    return {"batchId": str(uuid.uuid4()), "dataType": "market_data", "symbol": symbol, "interval": "1m",
            "source": "primary", "archiveRef": f"raw/bench/{symbol}.json", "fetchedAt": starts[-1],
            "apiLatencyMs": 1, "recordsReceived": len(bars), "accepted": bars, "quarantined": [],
            "batchIssues": [], "qualityScore": 1.0}

def load(symbol, seed):
    body = json.dumps(batch(symbol, seed)).encode()
    request = urllib.request.Request(f"{base}/v1/loads", body, {"Content-Type": "application/json", **AUTH})
    with urllib.request.urlopen(request) as answer:
        answer.read()

target = "005930"
started = time.monotonic()
load(target, 0)
with concurrent.futures.ThreadPoolExecutor(4) as pool:
    list(pool.map(load, [f"{100000 + k:06d}" for k in range(symbols)], range(1, symbols + 1)))
loaded = (symbols + 1) * bars_per_day
print(f"loaded {loaded:,} bars ({symbols + 1:,} symbols x {bars_per_day} bars of {day}) "
      f"in {time.monotonic() - started:.1f} s")

next_day = datetime.date.fromisoformat(day) + datetime.timedelta(days=1)
path = f"/v1/bars?symbol={target}&interval=1m&from={day}&to={next_day}"

def measure(accept):
    connection = http.client.HTTPConnection(host)  # one keep-alive connection, requests one after another
    def get():
        t0 = time.perf_counter()
        connection.request("GET", path, headers={"Accept": accept, **AUTH})
        answer = connection.getresponse()
        body = answer.read()
        elapsed = (time.perf_counter() - t0) * 1000
        assert answer.status == 200, (answer.status, body[:200])
        return elapsed, body
    for _ in range(50):  # warm-up: JIT, connection pool, PostgreSQL caches
        get()
    samples, size = [], 0
    for _ in range(n):
        elapsed, body = get()
        samples.append(elapsed)
        size = len(body)
    rows = len(json.loads(body)) if accept == "application/json" else body.count(b"\r\n") - 1
    samples.sort()
    rank = lambda q: samples[max(0, -(-len(samples) * q // 100) - 1)]  # nearest rank
    print(json.dumps({"accept": accept, "requests": n, "bars": rows, "bytes": size,
                      "p50_ms": round(rank(50), 2), "p99_ms": round(rank(99), 2),
                      "max_ms": round(samples[-1], 2), "mean_ms": round(sum(samples) / n, 2)}))

print(f"GET {path}")
measure("application/json")
measure("text/csv")
PY
echo "loader log: $WORK/loader.log"
