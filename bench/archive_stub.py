#!/usr/bin/env python3
"""Stand-in for archive-service and the loader's collection log in the live-plan benchmark: answers 201 and
records, for every batch, when it arrived (wall clock) and which 1-minute bars it carried."""
import json, sys, time, uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, out = int(sys.argv[1]), open(sys.argv[2], "a", buffering=1)

class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.startswith("/v1/batches"):
            batch = json.loads(body)
            bars = [b.get("timestamp") for b in batch.get("bars") or []]
            out.write(json.dumps({"t": time.time(), "symbol": batch.get("symbol"), "bars": bars}) + "\n")
            reply = {"batchId": batch.get("batchId") or str(uuid.uuid4()), "archiveRef": "raw/x.json",
                     "sha256": "00", "bytes": len(body), "duplicate": False}
        else:
            reply = {}
        data = json.dumps(reply).encode()
        self.send_response(201)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass

ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
