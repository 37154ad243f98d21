#!/usr/bin/env bash
# Checks the monitoring files with the real tools: the Prometheus alert and recording rules (promtool check rules,
# promtool test rules), the Alertmanager configuration (amtool check-config, amtool config routes test per severity
# and per alert), that every alert names a severity and a runbook_url to a runbook section that exists, and that
# job matchers are exact and every aggregation keeps the namespace. Installs promtool and amtool from Debian when missing
# (TOOLCHAIN.md), without leaving a Prometheus or Alertmanager server running. Idempotent; run as root on CI.
set -euo pipefail
cd "$(dirname "$0")/.."

RULES=helm/marketpipe/files/prometheus-rules.yml
RULE_TESTS=(ops/prometheus/tests/*.test.yml)
ALERTMANAGER=ops/alertmanager/alertmanager.yml
RUNBOOK=docs/RUNBOOK.md
OUT_ROUTES=$(mktemp)
trap 'rm -f "$OUT_ROUTES"' EXIT

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

echo "== every alert: a severity of warning|error|critical and a runbook_url to a runbook section"
# The rules file links the runbook on a placeholder base, which the chart replaces with metrics.runbookUrl.
alerts=$(grep -c '^ *- alert:' "$RULES")
severities=$(grep -cE '^ *severity: (warning|error|critical)$' "$RULES")
runbooks=$(grep -cE '^ *runbook_url: https://github\.com/OWNER/marketpipe/blob/main/docs/RUNBOOK\.md#[a-z0-9-]+$' "$RULES")
if [ "$alerts" -ne "$severities" ] || [ "$alerts" -ne "$runbooks" ]; then
  echo "FAIL: $alerts alerts, $severities severity labels, $runbooks runbook_url annotations" >&2
  exit 1
fi
! grep -qE '^ *runbook:' "$RULES" || { echo "FAIL: a relative runbook annotation is left; use runbook_url" >&2; exit 1; }
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

echo "== exact job matching and sums by namespace"
# a job is a stage's name, optionally prefixed with marketpipe-: never a regex that lets otel-collector or data-loader in
! grep -nE 'job=~"\.\*' "$RULES" || { echo "FAIL: a job matcher that is not anchored to the stage's name" >&2; exit 1; }
# every aggregation keeps the namespace label (a sum over everything would merge two releases' KPIs)
unscoped=$(grep -nvE '^ *(#|summary:|description:)' "$RULES" | grep -E '\b(sum|max|min|count|avg)( by \(([a-z_, ]*)\))? *\(' \
  | grep -vE '\b(sum|max|min|count|avg) by \(namespace' || true)
[ -z "$unscoped" ] || { echo "FAIL: aggregations without namespace:" >&2; echo "$unscoped" >&2; exit 1; }

echo "== amtool check-config"
amtool check-config "$ALERTMANAGER"

echo "== amtool config routes test: which receivers each severity, and each alert of the rules file, reaches"
expect_route() {
  local expected=$1; shift
  amtool config routes test --config.file="$ALERTMANAGER" --verify.receivers="$expected" "$@" >/dev/null 2>&1 \
    || { echo "FAIL: $* should reach $expected, reaches $(amtool config routes test --config.file="$ALERTMANAGER" "$@" 2>&1)" >&2; exit 1; }
  echo "$* -> $expected"
}
receivers_of() {
  case $1 in
    warning) echo dashboard-log ;;
    error) echo dashboard-log,email ;;
    critical) echo dashboard-log,critical-pager ;;
  esac
}
expect_route "$(receivers_of warning)" severity=warning alertname=DataQualityScoreLow service=validator
expect_route "$(receivers_of error)" severity=error alertname=CollectionFailed service=collector
# critical-pager: e-mail, the SMS gateway webhook and the Telegram relay webhook
expect_route "$(receivers_of critical)" severity=critical alertname=LoaderDown service=loader namespace=production
expect_route dashboard-log alertname=Watchdog
# every alert of the rules file, by the severity it carries
python3 - "$RULES" > "$OUT_ROUTES" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
for block in re.split(r"\n\s*- (?:alert|record): ", text)[1:]:
    severity = re.search(r"\n\s*severity: (\w+)", block)
    if severity:
        print(block.split("\n", 1)[0].strip(), severity.group(1))
PY
while read -r alert severity; do
  expect_route "$(receivers_of "$severity")" severity="$severity" alertname="$alert"
done < "$OUT_ROUTES"
echo "ops checks passed"
