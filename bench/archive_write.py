#!/usr/bin/env python3
"""Archive write throughput: CLIENTS threads POST collected batches of BARS one-minute bars to
archive-service's POST /v1/batches for SECONDS, each answered only once envelope, index marker and outbox entry are
fsynced. Then the same number of envelope bytes written as plain durable files (temp file, fsync, rename, folder
fsync: the least one durable file costs) by as many threads, as the physical reference. Prints one JSON line.
Usage: archive_write.py ARCHIVE_URL SECONDS CLIENTS BARS SCRATCH_DIR"""
import http.client, json, os, sys, threading, time, uuid
from datetime import datetime, timedelta, timezone
from urllib.parse import urlparse

url, seconds, clients, bars, scratch = urlparse(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
T0 = datetime(2025, 3, 4, 0, 0, tzinfo=timezone.utc)

def batch(client, n):
    start = T0 + timedelta(minutes=n * bars)
    symbol = f"BENCH{client:02d}"
    rows = []
    for i in range(bars):
        at = (start + timedelta(minutes=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        p = 70000 + (i % 50) * 100
        rows.append(f'{{"timestamp":"{at}","symbol":"{symbol}","open":{p},"high":{p + 300},"low":{p - 200},'
                    f'"close":{p + 100},"volume":{1000 + i},"value":{(p + 100) * (1000 + i)}}}')
    data = ",".join(rows)
    raw = (f'{{"status":"success","data":[{data}],"meta":{{"total_records":{bars},"page":1,"total_pages":1,'
           f'"limit":1000}}}}')
    ws = start.strftime("%Y-%m-%dT%H:%M:%SZ")
    we = (start + timedelta(minutes=bars)).strftime("%Y-%m-%dT%H:%M:%SZ")
    return (f'{{"batchId":"{uuid.uuid4()}","dataType":"market_data","symbol":"{symbol}","interval":"1m",'
            f'"source":"primary","provider":"simulator","windowStart":"{ws}","windowEnd":"{we}","page":1,'
            f'"fetchedAt":"{we}","apiLatencyMs":12,"attempts":1,"apiVersion":"v1.0","collectorVersion":"bench",'
            f'"rawResponse":{raw},"bars":[{data}]}}').encode()

results = []  # (latency_s, request_bytes, envelope_bytes)
lock = threading.Lock()
deadline = time.time() + seconds

def client(c):
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    n, mine = 0, []
    while time.time() < deadline:
        body = batch(c, n)
        n += 1
        t = time.perf_counter()
        conn.request("POST", "/v1/batches", body, {"Content-Type": "application/json"})
        resp = conn.getresponse()
        reply = resp.read()
        if resp.status != 201:
            raise SystemExit(f"archive answered {resp.status}: {reply[:300]!r}")
        mine.append((time.perf_counter() - t, len(body), json.loads(reply)["bytes"]))
    with lock:
        results.extend(mine)

began = time.time()
threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
elapsed = time.time() - began
lat = sorted(r[0] for r in results)
envelope_bytes = sum(r[2] for r in results)
archive = {"batches": len(results), "seconds": round(elapsed, 1), "batchesPerSecond": round(len(results) / elapsed, 1),
           "envelopeMBps": round(envelope_bytes / elapsed / 1e6, 2),
           "requestMBps": round(sum(r[1] for r in results) / elapsed / 1e6, 2),
           "envelopeBytes": envelope_bytes // max(1, len(results)),
           "p50ms": round(lat[len(lat) // 2] * 1000, 1), "p99ms": round(lat[int(len(lat) * 0.99)] * 1000, 1)}

# reference: the same bytes as durable files, one per batch, as many writers
size = archive["envelopeBytes"]
payload = os.urandom(size)
per_thread = max(1, len(results) // clients)
os.makedirs(scratch, exist_ok=True)
def durable(c):
    folder = os.path.join(scratch, f"w{c}")
    os.makedirs(folder, exist_ok=True)
    dfd = os.open(folder, os.O_RDONLY)
    for n in range(per_thread):
        tmp, final = os.path.join(folder, f".tmp-{n}"), os.path.join(folder, f"f{n}.json")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        os.write(fd, payload); os.fsync(fd); os.close(fd)
        os.rename(tmp, final); os.fsync(dfd)
    os.close(dfd)
began = time.time()
threads = [threading.Thread(target=durable, args=(c,)) for c in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
took = time.time() - began
files = per_thread * clients
reference = {"files": files, "filesPerSecond": round(files / took, 1), "MBps": round(files * size / took / 1e6, 2)}
print(json.dumps({"bars": bars, "clients": clients, "archive": archive, "durableFiles": reference,
                  "ratio": round(archive["batchesPerSecond"] / reference["filesPerSecond"], 2)}))
