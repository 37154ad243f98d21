#!/usr/bin/env python3
"""The values tables of helm/marketpipe/README.md, made from helm/marketpipe/values.yaml (defaults and comments).

  python3 .ci/helm-values-table.py           print the tables
  python3 .ci/helm-values-table.py --write   put them into the README between its values-table markers
  python3 .ci/helm-values-table.py --check   exit 1 when the README's tables differ (.ci/helm-checks.sh)

Each key's meaning is the comment block right above it in values.yaml (or, for a key without one, a line of MEANING
below); a commented section (a map whose keys have rows) gets a row of its own before them. Keys every workload has
(image, replicas, resources, ...) form one table with a column per component; the rest one row per key. Maps of
free-form entries (resources, labels, config, ...) are shown whole.
"""
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VALUES = ROOT / "helm/marketpipe/values.yaml"
README = ROOT / "helm/marketpipe/README.md"
START, END = "<!-- values-table:start -->", "<!-- values-table:end -->"

COMPONENTS = ["collector", "archive", "validator", "loader", "console", "simulator"]
COMMON = ["image.repository", "image.tag", "image.pullPolicy", "replicas", "resources", "autoscaling.enabled",
          "autoscaling.minReplicas", "autoscaling.maxReplicas", "autoscaling.targetCPUUtilizationPercentage",
          "podDisruptionBudget.enabled", "podDisruptionBudget.maxUnavailable", "config", "extraEnv", "probes",
          "podAnnotations", "podLabels", "nodeSelector", "tolerations", "affinity", "topologySpreadConstraints",
          "networkPolicy.extraFrom"]
FREE_FORM = {"resources", "labels", "annotations", "config", "podSecurityContext", "containerSecurityContext",
             "podAnnotations", "podLabels", "nodeSelector", "affinity", "extraSpec", "issuerRef"}
# Meanings of keys whose values.yaml comment sits elsewhere (on their parent or a sibling).
MEANING = {
    "image.repository": "Image repository",
    "image.tag": "Image tag; empty: the chart's appVersion",
    "image.pullPolicy": "Image pull policy",
    "replicas": "Pods when autoscaling is off (archive: more than one needs ReadWriteMany volumes)",
    "resources": "Container requests and limits (the JVM heap is at most jvm.maxMemRatio % of the memory limit)",
    "autoscaling.enabled": "An autoscaling/v2 HorizontalPodAutoscaler on CPU (then replicas is ignored)",
    "autoscaling.minReplicas": "Fewest pods under the autoscaler",
    "autoscaling.maxReplicas": "Most pods under the autoscaler",
    "autoscaling.targetCPUUtilizationPercentage": "Target CPU use of the requests",
    "podDisruptionBudget.enabled": "A PodDisruptionBudget",
    "podDisruptionBudget.maxUnavailable": "Pods a drain may evict at a time (or set minAvailable, which wins)",
    "config": "Environment variables (property overrides), over the chart's own settings",
    "extraEnv": "Extra env entries in Kubernetes form (valueFrom, ...)",
    "probes": "Overrides of single fields of the global probes",
    "podAnnotations": "Pod annotations",
    "podLabels": "Pod labels",
    "nodeSelector": "Pod nodeSelector",
    "tolerations": "Pod tolerations",
    "affinity": "Pod affinity",
    "topologySpreadConstraints": "Pod topologySpreadConstraints",
    "networkPolicy.extraFrom": "Further peers (NetworkPolicyPeer) allowed to the API port",
    "nameOverride": "Replaces the chart name in object names",
    "fullnameOverride": "Replaces <release>-marketpipe in object names",
    "serviceAccount.create": "Create the pods' ServiceAccount",
    "serviceAccount.annotations": "ServiceAccount annotations (e.g. IRSA's role ARN)",
    "database.url": "JDBC URL of the external database",
    "database.username": "Its user",
    "database.passwordKey": "Key of the password in database.existingSecret",
    "auth.signingKey.privateKeyKey": "Key of the RSA private key (PEM) in the Secret",
    "auth.signingKey.publicKeyKey": "Key of the public key or certificate (PEM) in the Secret",
    "auth.oidc.enabled": "Verify with an OIDC provider's JWKS; the stages fetch their own tokens from it",
    "auth.oidc.clientId": "The stages' OIDC client (client-credentials grant)",
    "auth.oidc.clientSecretKey": "Key of the client secret in auth.oidc.existingSecret",
    "tls.certManager.issuerRef": "The cert-manager Issuer or ClusterIssuer",
    "tls.certManager.duration": "Certificate lifetime",
    "tls.certManager.renewBefore": "Renewal ahead of expiry",
    "jvm.options": "JVM options of every container (JAVA_OPTS_APPEND)",
    "jvm.gc": "Garbage collector (GC_CONTAINER_OPTIONS)",
    "jvm.maxMemRatio": "Heap at most this % of the container's memory limit",
    "networkPolicy.enabled": "NetworkPolicies on every component's ports",
    "metrics.serviceMonitor.interval": "Scrape interval",
    "metrics.serviceMonitor.scrapeTimeout": "Scrape timeout",
    "metrics.serviceMonitor.labels": "Labels your Prometheus selects ServiceMonitors by",
    "metrics.prometheusRule.labels": "Labels your Prometheus selects rules by",
    "metrics.grafanaDashboard.enabled": "Dashboard ConfigMap for Grafana's sidecar",
    "metrics.grafanaDashboard.labels": "Labels the sidecar watches for",
    "metrics.grafanaDashboard.annotations": "ConfigMap annotations (e.g. grafana_folder)",
    "collector.credentials.appKeyKey": "Key of the app key in the Secret",
    "collector.credentials.appSecretKey": "Key of the app secret in the Secret",
    "collector.credentials.accountKey": "Key of the KIS account (kis) in the Secret",
    "collector.backup.enabled": "A backup source the collector fails over to",
    "collector.backup.apiUrl": "The backup source's URL",
    "collector.backup.provider": "Its provider type (spec or kis)",
    "collector.backup.credentials.existingSecret": "Its credentials' Secret",
    "collector.backup.credentials.appKeyKey": "Key of the app key",
    "collector.backup.credentials.appSecretKey": "Key of the app secret",
    "collector.realtime.enabled": "The real-time feed (KIS WebSocket)",
    "collector.spool.persistence.enabled": "A PersistentVolumeClaim per replica (ReadWriteOnce); off: emptyDir",
    "collector.spool.persistence.storageClass": "Its storage class; empty: the cluster's default",
    "collector.spool.persistence.size": "Its size",
    "archive.s3.bucket": "Bucket of the envelopes (store=s3)",
    "archive.s3.keyPrefix": "Key prefix in the bucket",
    "archive.s3.region": "Bucket region",
    "archive.s3.pathStyleAccess": "Path-style URLs (MinIO, Ceph)",
    "archive.s3.conditionalWrites": "Conditional PUTs (If-None-Match); the bucket must honour them",
    "archive.s3.credentials.accessKeyIdKey": "Key of the access key id in the Secret",
    "archive.s3.credentials.secretAccessKeyKey": "Key of the secret access key in the Secret",
    "archive.persistence.enabled": "The archive root on a PersistentVolumeClaim (kept on uninstall); off: emptyDir",
    "archive.persistence.size": "Its size",
    "archive.backup.enabled": "Daily backup of the last week's days",
    "archive.backup.target": "filesystem (the volume below) or s3",
    "archive.backup.root": "Mount path of the backup volume",
    "archive.backup.persistence.existingClaim": "An existing claim instead of the chart's",
    "archive.backup.persistence.storageClass": "Its storage class; empty: the cluster's default",
    "archive.backup.persistence.accessModes": "ReadWriteMany for more than one archive replica",
    "archive.backup.persistence.size": "Its size",
    "archive.backup.s3.bucket": "Backup bucket (target=s3)",
    "archive.backup.s3.keyPrefix": "Key prefix in it",
    "archive.backup.s3.endpoint": "Endpoint; empty: AWS",
    "archive.backup.s3.region": "Bucket region",
    "archive.backup.s3.pathStyleAccess": "Path-style URLs (MinIO, Ceph)",
    "archive.backup.s3.conditionalWrites": "Conditional PUTs (If-None-Match)",
    "archive.backup.s3.credentials.existingSecret": "Secret with its access keys; empty: the AWS default chain",
    "archive.backup.s3.credentials.accessKeyIdKey": "Key of the access key id",
    "archive.backup.s3.credentials.secretAccessKeyKey": "Key of the secret access key",
    "console.enabled": "Run the operator console",
    "console.ingress.annotations": "Ingress annotations",
    "console.ingress.hosts": "Hosts and paths (default / Prefix)",
    "console.networkPolicy.extraFrom": "Other peers allowed to port 8085",
    "simulator.enabled": "Run the bundled market simulator (demos, staging)",
    "postgresql.cloudnativepg.enabled": "Render a CloudNativePG Cluster and connect the collector and loader to it",
    "postgresql.cloudnativepg.database": "Database the operator creates",
    "postgresql.cloudnativepg.owner": "Its owner (the stages' user)",
    "postgresql.cloudnativepg.storage.size": "Each instance's volume",
    "postgresql.cloudnativepg.resources": "Each instance's requests and limits",
    "tests.enabled": "Render the helm test Pods",
    "tests.image.repository": "Image of the test Pods (node, for fetch and crypto)",
    "tests.image.tag": "Its tag",
    "tests.image.pullPolicy": "Its pull policy",
    "tests.resources": "The test Pods' requests and limits",
    "containerSecurityContext": "Container security of every workload (see podSecurityContext)",
    "auth.oidc.jwksUrl": "The provider's JWKS URL",
    "tls.enabled": "HTTPS on the stages' API ports and between the stages",
    "calendar.extraHolidays": "Extra KRX holidays, comma-separated ISO dates",
    "metrics.serviceMonitor.enabled": "Render the ServiceMonitor",
    "metrics.prometheusRule.enabled": "Render the PrometheusRule",
    "metrics.alertmanagerConfig.enabled": "Render the AlertmanagerConfig",
    "metrics.alertmanagerConfig.labels": "Labels your Alertmanager selects AlertmanagerConfigs by",
    "metrics.alertmanagerConfig.groupBy": "Labels alerts are grouped by",
    "metrics.alertmanagerConfig.routes.warning": "Receivers of warning alerts",
    "metrics.alertmanagerConfig.routes.error": "Receivers of error alerts",
    "metrics.alertmanagerConfig.routes.critical": "Receivers of critical alerts",
    "collector.credentials.existingSecret": "Secret with the provider's credentials; empty: the simulator's demo credentials",
    "collector.kis.paper": "A paper (mock-trading) KIS account",
    "collector.realtime.url": "KIS WebSocket base URL (ws:// or wss://); empty: KIS's own, or the bundled simulator's",
    "archive.s3.credentials.existingSecret": "Secret with the access keys; empty: the AWS default chain",
    "console.ingress.enabled": "Render the console's Ingress",
}
# Meanings by a key's last name, for keys found under several parents.
BY_NAME = {
    "periodSeconds": "Seconds between two probes",
    "timeoutSeconds": "Seconds one probe may take",
    "failureThreshold": "Failures in a row before the probe fails",
}


def comments_by_path(text):
    """Maps each dotted key path of values.yaml to the comment block right above it."""
    found, stack, block = {}, [], []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            block = []
            continue
        if stripped.startswith("#"):
            comment = stripped[1:]
            if re.match(r"^ {3,}\S", comment) and block:  # an indented example: left in values.yaml
                if not block[-1].endswith("(example in values.yaml)"):
                    block.append("(example in values.yaml)")
            elif not (block and block[-1] == "(example in values.yaml)"):
                block.append(comment.strip())
            continue
        match = re.match(r"^( *)([A-Za-z_][A-Za-z0-9_]*):(\s|$)", line)
        if match:
            indent = len(match.group(1))
            stack = [(i, k) for i, k in stack if i < indent] + [(indent, match.group(2))]
            if block:
                found[".".join(k for _, k in stack)] = " ".join(block)
        block = []
    return found


def show(value):
    if isinstance(value, str):
        return f"`{json.dumps(value, ensure_ascii=False)}`" if value == "" or value.strip() != value else f"`{value}`"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value is None:
        return "`null`"
    if isinstance(value, (dict, list)):
        return f"`{yaml.safe_dump(value, default_flow_style=True, width=10_000).strip()}`"
    return f"`{value}`"


def leaves(value, path=()):
    if isinstance(value, dict) and value and (not path or path[-1] not in FREE_FORM):
        for key, child in value.items():
            yield from leaves(child, path + (key,))
    else:
        yield ".".join(path), value


def cell(text):
    return text.replace("|", "\\|").replace("\n", " ")


def tables():
    text = VALUES.read_text()
    values = yaml.safe_load(text)
    comments = comments_by_path(text)
    out = ["| key | default | meaning |", "|---|---|---|"]
    sections = set()
    for path, value in leaves(values):
        top, _, rest = path.partition(".")
        if top in COMPONENTS and rest in COMMON:
            continue
        parts = path.split(".")
        for depth in range(1, len(parts)):
            section = ".".join(parts[:depth])
            if section in comments and section not in sections:
                sections.add(section)
                out.append(f"| `{section}` | | {cell(comments[section])} |")
        out.append(f"| `{path}` | {show(value)} | {cell(comments.get(path) or MEANING.get(path) or BY_NAME.get(parts[-1], ''))} |")
    out += ["", "Keys every workload has (`<component>.<key>`; the simulator has no autoscaling or disruption budget):", "",
            "| key | " + " | ".join(COMPONENTS) + " | meaning |", "|---|" + "---|" * len(COMPONENTS) + "---|"]
    for key in COMMON:
        cells = []
        for component in COMPONENTS:
            node = values[component]
            for part in key.split("."):
                node = node.get(part, "–") if isinstance(node, dict) else "–"
            cells.append("–" if node == "–" else show(node))
        described = MEANING.get(key) or next((comments[f"{c}.{key}"] for c in COMPONENTS if f"{c}.{key}" in comments), "")
        out.append(f"| `{key}` | " + " | ".join(cells) + f" | {cell(described)} |")
    return "\n".join(out) + "\n"


def main():
    generated = tables()
    if len(sys.argv) == 1:
        print(generated, end="")
        return 0
    readme = README.read_text()
    start, end = readme.index(START) + len(START), readme.index(END)
    current = readme[start:end].strip("\n") + "\n"
    if sys.argv[1] == "--check":
        if current != generated:
            print("helm/marketpipe/README.md: the values tables differ from values.yaml; "
                  "run python3 .ci/helm-values-table.py --write")
            return 1
        return 0
    README.write_text(readme[:start] + "\n" + generated + readme[end:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
