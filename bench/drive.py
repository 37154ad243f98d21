#!/usr/bin/env python3
"""Drives N simulated minutes of the live 1-minute job (POST /v1/live/run?at=) back to back; each cycle runs in
real time against the real rate budget. Then reports coverage and freshness from what the archive stub received.
Simulated time of a batch = the cycle's simulated instant + the wall-clock time since the cycle was triggered."""
import json, os, sys, time, urllib.request
from datetime import datetime, timedelta, timezone

collector, batches_file, start, minutes, label = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
t0 = datetime.fromisoformat(start.replace("Z", "+00:00"))
cycles, cadence = [], None
for i in range(minutes):
    at = t0 + timedelta(minutes=i + 1, seconds=5)  # the cron second after slot i
    real = time.time()
    req = urllib.request.Request(f"{collector}/v1/live/run?at={at.strftime('%Y-%m-%dT%H:%M:%SZ')}", method="POST",
                                 headers={"Authorization": "Bearer " + os.environ["MARKETPIPE_TOKEN"]})
    run = json.load(urllib.request.urlopen(req, timeout=600))
    cycles.append((real, time.time(), at))
    cadence = run["cadenceMinutes"]
    print(f"{label}: cycle {i + 1}/{minutes} at {at:%H:%M:%S}Z polled {len(run['polled'])} symbols in "
          f"{time.time() - real:.1f} s", flush=True)

def sim_time(t):
    for real, end, at in cycles:
        if real <= t <= end + 0.5:
            return at + timedelta(seconds=t - real)
    raise ValueError("batch outside any cycle")

seen, fresh = {}, []
for line in open(batches_file):
    b = json.loads(line)
    got = sim_time(b["t"])
    for ts in b["bars"]:
        bar = datetime.fromisoformat(ts.replace("Z", "+00:00"))
        seen.setdefault(b["symbol"], []).append(bar)
        fresh.append((got - (bar + timedelta(minutes=1))).total_seconds())
end = t0 + timedelta(minutes=minutes)
symbols = int(sys.argv[6])
full = dup = 0
for bars in seen.values():
    if len(bars) != len(set(bars)):
        dup += 1
    s = sorted(set(bars))
    expected = [t0 + timedelta(minutes=k) for k in range(int((s[-1] - t0).total_seconds() // 60) + 1)]
    if s == expected:
        full += 1
fresh.sort()
pct = lambda p: fresh[min(len(fresh) - 1, int(p * len(fresh)))] / 60 if fresh else float("nan")
wall = cycles[-1][1] - cycles[0][0]
print(json.dumps({"scenario": label, "symbols": symbols, "cadenceMinutes": cadence, "simulatedMinutes": minutes,
                  "wallSeconds": round(wall, 1), "symbolsPolled": len(seen),
                  "symbolsEveryBarFromOpenToLastPollOnce": full, "symbolsWithDuplicateBars": dup,
                  "barsCollected": len(fresh), "freshnessP50Minutes": round(pct(0.5), 2),
                  "freshnessP99Minutes": round(pct(0.99), 2)}))
