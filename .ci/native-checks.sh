#!/usr/bin/env bash
# Native-image readiness. No GraalVM/Mandrel can be installed here (TOOLCHAIN.md), so CI runs
# Quarkus' native build steps for every service in one reactor build with -Dquarkus.native.sources-only=true
# (target/native-sources/: native-image.args and the generated reflection/resource configuration, without calling
# native-image), then checks that configuration (.ci/native-config-check.py). The images themselves are built by
# each service's src/main/docker/Dockerfile.native (Mandrel builder image) on a machine with a container engine.
# MVN_ARGS: extra Maven arguments, e.g. MVN_ARGS=-o on a machine whose ~/.m2 is complete.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICES=collector-service,archive-service,validator-service,loader-service,console-service,market-simulator
started=$(date +%s)
echo "== Quarkus native build steps (sources only): $SERVICES"
# shellcheck disable=SC2086
./mvnw -B -ntp ${MVN_ARGS:-} -pl "$SERVICES" -am package -Dnative -Dquarkus.native.sources-only=true -DskipTests
built=$(date +%s)
echo "== generated native configuration"
python3 .ci/native-config-check.py ${SERVICES//,/ }
for service in ${SERVICES//,/ }; do
  for f in Dockerfile.jvm Dockerfile.native; do
    [ -f "$service/src/main/docker/$f" ] || { echo "$service: src/main/docker/$f missing"; exit 1; }
  done
done
echo "== native checks passed: build $(( built - started )) s, checks $(( $(date +%s) - built )) s"
