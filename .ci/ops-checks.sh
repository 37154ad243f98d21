#!/usr/bin/env bash
# Checks the monitoring files with the real tools: the Prometheus alert rules (promtool check rules, promtool test
# rules), the Alertmanager configuration (amtool check-config, amtool config routes test per severity) and that every
# alert names a severity and a runbook section that exists. Installs promtool and amtool from Debian when missing
# (TOOLCHAIN.md), without leaving a Prometheus or Alertmanager server running. Idempotent; run as root on CI.
set -euo pipefail
cd "$(dirname "$0")/.."

RULES=helm/marketpipe/files/prometheus-rules.yml
RULE_TESTS=(ops/prometheus/tests/*.test.yml)
ALERTMANAGER=ops/alertmanager/alertmanager.yml
RUNBOOK=docs/RUNBOOK.md

install_tools() {
  echo "promtool/amtool missing: installing the Debian packages prometheus and prometheus-alertmanager"
  export DEBIAN_FRONTEND=noninteractive
  # The packages start their servers on install; a policy-rc.d answering 101 forbids it (kept if one exists).
  local own_policy=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    own_policy=1
  fi
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends prometheus prometheus-alertmanager >/dev/null
  if [ -n "$own_policy" ]; then
    rm -f /usr/sbin/policy-rc.d
  fi
  # where systemd runs after all, stop and disable the servers: CI only needs the command-line tools
  if command -v systemctl >/dev/null 2>&1 && [ -d /run/systemd/system ]; then
    systemctl disable --now prometheus prometheus-alertmanager >/dev/null 2>&1 || true
  fi
}

command -v promtool >/dev/null 2>&1 && command -v amtool >/dev/null 2>&1 || install_tools
echo "$(promtool --version 2>&1 | head -1)"
echo "$(amtool --version 2>&1 | head -1)"

echo "== promtool check rules"
promtool check rules "$RULES"

echo "== promtool test rules"
promtool test rules "${RULE_TESTS[@]}"

echo "== every alert: a severity of warning|error|critical and a runbook section"
alerts=$(grep -c '^ *- alert:' "$RULES")
severities=$(grep -cE '^ *severity: (warning|error|critical)$' "$RULES")
runbooks=$(grep -cE '^ *runbook: docs/RUNBOOK\.md#[a-z0-9-]+$' "$RULES")
if [ "$alerts" -ne "$severities" ] || [ "$alerts" -ne "$runbooks" ]; then
  echo "FAIL: $alerts alerts, $severities severity labels, $runbooks runbook annotations" >&2
  exit 1
fi
for anchor in $(grep -oE 'RUNBOOK\.md#[a-z0-9-]+' "$RULES" | cut -d'#' -f2 | sort -u); do
  # GitHub's anchor of a "## Heading": lower case, spaces to dashes, punctuation dropped
  if ! grep -E '^## ' "$RUNBOOK" | sed 's/^## //' | tr 'A-Z ' 'a-z-' | tr -cd 'a-z0-9-\n' | grep -qx "$anchor"; then
    echo "FAIL: $RULES links $RUNBOOK#$anchor, which has no such section" >&2
    exit 1
  fi
done
for alert in $(grep -oE '^ *- alert: [A-Za-z]+' "$RULES" | awk '{print $3}' | sort -u); do
  if ! grep -q "alertname: $alert\$" "${RULE_TESTS[@]}"; then
    echo "FAIL: alert $alert has no promtool unit test" >&2
    exit 1
  fi
done
echo "$alerts alerts, each with a severity, a runbook section and a unit test"

echo "== amtool check-config"
amtool check-config "$ALERTMANAGER"

echo "== amtool config routes test (spec §7 levels)"
expect_route() {
  local expected=$1; shift
  amtool config routes test --config.file="$ALERTMANAGER" --verify.receivers="$expected" "$@" 2>/dev/null \
    || { echo "FAIL: $* should reach $expected" >&2; exit 1; }
  echo "$* -> $expected"
}
expect_route dashboard-log severity=warning alertname=DataQualityScoreLow service=validator
expect_route dashboard-log,email severity=error alertname=CollectionFailed service=collector
expect_route dashboard-log,critical-pager severity=critical alertname=LoaderDown service=loader
expect_route dashboard-log alertname=Watchdog
echo "ops checks passed"
