#!/usr/bin/env bash
# The chaos run of docs/RELIABILITY.md, large size: a backfill of 20 symbols x 2025-01-02..2025-07-15 (129 KRX trading
# days, 1,005,000 one-minute bars) during which the four stages are killed with kill -9 20 times in all, PostgreSQL
# crashes once (pg_ctl -m immediate), the archive's disk is filled past its low-disk limit for 10 s, and the simulator
# answers with a fault mix (5 % 5xx, 2 % 429 with Retry-After, 1 % requests held past the client's timeout, every
# token expiring every 3 minutes). It is ChaosSystemTest with larger numbers; CI runs the small size (SIZE=small).
# The collector's rate budget is 4 requests/s here, so that the backfill outlasts the 22 events.
# Usage (after ./mvnw -B -q -ntp install -DskipTests): bench/chaos.sh     -> figures in system-tests/target/chaos-summary.json
set -euo pipefail
cd "$(dirname "$0")/.."
args=(-Dmarketpipe.chaos.symbols=20 -Dmarketpipe.chaos.from=2025-01-02 -Dmarketpipe.chaos.to=2025-07-15
  -Dmarketpipe.chaos.kills=20 -Dmarketpipe.chaos.requests-per-second=4 -Dmarketpipe.chaos.pause=PT30S
  -Dmarketpipe.chaos.disk-headroom-mb=4096 -Dmarketpipe.chaos.token-expiry=PT3M -Dmarketpipe.chaos.converge=PT60M)
if [ "${SIZE:-large}" = small ]; then args=(); fi
./mvnw -B -ntp -pl system-tests verify -Dtest=ChaosSystemTest -Dsurefire.failIfNoSpecifiedTests=false "${args[@]}"
cat system-tests/target/chaos-summary.json
