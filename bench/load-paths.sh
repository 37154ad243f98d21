#!/usr/bin/env bash
# Load paths into market_data_1min, measured in one run on one throwaway PostgreSQL:
# raw COPY, the loader's BarUpserter (called directly: the loader's own class and SQL), JDBC batched upsert,
# row-by-row upsert; new rows and redelivered unchanged rows. Results: docs/BENCHMARKS.md.
# Usage (after ./mvnw -B -ntp -pl loader-service -am package -DskipTests; needs PostgreSQL server binaries, psql):
#   bench/load-paths.sh [SYMBOLS] [BARS_PER_SYMBOL] [ROW_BY_ROW_ROWS]    # defaults 2600 385 50000
set -euo pipefail
SYMBOLS=${1:-2600}; BARS=${2:-385}; ROW_BY_ROW=${3:-50000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/marketpipe-loadpaths.XXXXXX)
PORT=$((20000 + RANDOM % 20000))
trap '"$ROOT/scripts/pg-throwaway" stop "$WORK/pg" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT
URL=$("$ROOT/scripts/pg-throwaway" start "$WORK/pg" "$PORT")
# the loader's schema, exactly: its Flyway migrations in version order
for f in $(ls "$ROOT"/loader-service/src/main/resources/db/migration/V*__*.sql | sort -V); do
  psql -q -X -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -f "$f" postgres >/dev/null
done
LIB="$ROOT/loader-service/target/quarkus-app/lib/main"
[ -d "$LIB" ] || { echo "build first: ./mvnw -B -ntp -pl loader-service -am package -DskipTests" >&2; exit 1; }
# the benchmark lives with the loader's tests (dev.marketpipe.loader.bench.LoadPaths), compiled by the same build
CP="$ROOT/loader-service/target/test-classes:$ROOT/loader-service/target/classes:$LIB/*:$LIB/../boot/*"
[ -f "$ROOT/loader-service/target/test-classes/dev/marketpipe/loader/bench/LoadPaths.class" ] || {
  echo "build first: ./mvnw -B -ntp -pl loader-service -am package -DskipTests" >&2; exit 1; }
postgres_version=$(psql -X -At -h 127.0.0.1 -p "$PORT" -U postgres -c 'SHOW server_version' postgres)
echo "PostgreSQL $postgres_version, $(nproc) CPUs, java $(java -version 2>&1 | head -1)"
java -Xmx4g -cp "$CP" dev.marketpipe.loader.bench.LoadPaths "$URL" "$SYMBOLS" "$BARS" "$ROW_BY_ROW"
