# Sourced by the benchmarks after WORK and ROOT are set: the services they start trust a throwaway key
# (MARKETPIPE_AUTH_*, exported) and api() is curl with a bearer token signed with it (MARKETPIPE_TOKEN, exported
# for the Python drivers; see scripts/jwt); their securities API is the simulator, so its demo credentials are allowed.
# A stage started on API port P serves health and metrics on P + 10000 (QUARKUS_MANAGEMENT_PORT, set by each run()).
# The processes a benchmark starts in the background (`… & pids+=($!)`) are stopped on exit, with the throwaway
# PostgreSQL in $WORK/pg; the folders of $WORK named in DISPOSABLE (large throwaway data) are removed, the logs stay.
pids=()
DISPOSABLE=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  "$ROOT/scripts/pg-throwaway" stop "$WORK/pg" >/dev/null 2>&1 || true
  for d in "${DISPOSABLE[@]}"; do rm -rf "${WORK:?}/$d"; done
}
trap cleanup EXIT
"$ROOT/scripts/jwt" keys "$WORK/keys"
export MARKETPIPE_TOKEN
MARKETPIPE_TOKEN=$("$ROOT/scripts/jwt" sign "$WORK/keys/private-key.pem" reader,operator,pipeline bench 86400)
export MARKETPIPE_AUTH_PUBLIC_KEY_LOCATION="$WORK/keys/public-key.pem"
export MARKETPIPE_AUTH_SIGNING_KEY_LOCATION="$WORK/keys/private-key.pem"
api() { curl -H "Authorization: Bearer $MARKETPIPE_TOKEN" "$@"; }
export MARKETPIPE_COLLECTOR_API_DEMO_CREDENTIALS=true
export QUARKUS_MANAGEMENT_HOST=127.0.0.1
# ready PORT: waits until the service whose API is on PORT is ready (a stage's health on PORT + 10000, the simulator's
# on PORT)
ready() {
  for _ in $(seq 180); do
    { curl -fs "http://127.0.0.1:$(($1 + 10000))/q/health/ready" || curl -fs "http://127.0.0.1:$1/q/health/ready"; } \
      >/dev/null 2>&1 && return
    sleep 1
  done
  echo "service on port $1 not ready, see $WORK" >&2; exit 1
}
