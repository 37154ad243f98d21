// Offline validation of rendered Helm manifests, run by .ci/helm-checks.sh from the folder that
// holds node_modules (kubernetes-models 5.x, @kubernetes-models/prometheus-operator, yaml).
//   node validate-manifests.mjs FILE...   one file per `helm template` output; exit 1 on the first bad file
// Each object is checked against its Kubernetes (or Prometheus Operator CRD) schema with kubernetes-models'
// validate() (types, required fields, unknown kinds; not unknown fields), plus the chart's own promises: every
// pod non-root with a read-only root file system, no capabilities and the three health probes (a `helm test` Pod,
// annotated helm.sh/hook: test, runs once and ends: it needs the security settings but no probes).
import { readFileSync } from "node:fs";
import { parseAllDocuments } from "yaml";

// cert-manager ships no model package here: its Certificate is checked for the fields cert-manager requires.
class CertManagerCertificate {
  constructor(object) {
    this.object = object;
  }

  validate() {
    const spec = this.object.spec ?? {};
    const missing = ["secretName", "issuerRef"].filter((field) => !spec[field]);
    if (!spec.issuerRef?.name) missing.push("issuerRef.name");
    if (!(spec.dnsNames?.length || spec.commonName)) missing.push("dnsNames");
    if (missing.length) throw new Error(`Certificate without ${missing.join(", ")}`);
  }
}

// Nor CloudNativePG: its Cluster is checked for what the CRD requires (instances >= 1, a storage size or PVC
// template) and for what the chart relies on (an initdb bootstrap naming the database and its owner, whose
// <cluster>-app Secret the stages read).
class CloudNativePgCluster {
  constructor(object) {
    this.object = object;
  }

  validate() {
    const spec = this.object.spec ?? {};
    const problems = [];
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(this.object.metadata?.name ?? "")) problems.push("metadata.name is not a DNS label");
    if (!Number.isInteger(spec.instances) || spec.instances < 1) problems.push("spec.instances must be an integer >= 1");
    if (!(spec.storage?.size || spec.storage?.pvcTemplate)) problems.push("spec.storage needs size or pvcTemplate");
    if (spec.storage?.size !== undefined && !/^[0-9]+(\.[0-9]+)?([EPTGMK]i?|[kMGTPE])?$/.test(String(spec.storage.size))) {
      problems.push("spec.storage.size is not a quantity");
    }
    const initdb = spec.bootstrap?.initdb;
    if (!initdb?.database || !initdb?.owner) problems.push("spec.bootstrap.initdb needs database and owner");
    if (problems.length) throw new Error(`Cluster: ${problems.join("; ")}`);
  }
}

async function modelClass(apiVersion, kind) {
  if (apiVersion === "cert-manager.io/v1" && kind === "Certificate") return CertManagerCertificate;
  if (apiVersion === "postgresql.cnpg.io/v1" && kind === "Cluster") return CloudNativePgCluster;
  const module = apiVersion.startsWith("monitoring.coreos.com/")
    ? `@kubernetes-models/prometheus-operator/${apiVersion}`
    : `kubernetes-models/${apiVersion}`;
  let exports;
  try {
    exports = await import(module);
  } catch (e) {
    throw new Error(`unknown apiVersion ${apiVersion}`);
  }
  if (!exports[kind]) throw new Error(`unknown kind ${kind} in ${apiVersion}`);
  return exports[kind];
}

function podSpecOf(object) {
  if (object.kind === "Pod") return object.spec;
  return ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job"].includes(object.kind)
    ? object.spec.template.spec
    : null;
}

function isHelmTest(object) {
  return object.kind === "Pod" && /(^|,)\s*test\s*(,|$)/.test(object.metadata?.annotations?.["helm.sh/hook"] ?? "");
}

function checkChartPromises(object) {
  const pod = podSpecOf(object);
  if (!pod) return [];
  if (object.kind === "Pod" && !isHelmTest(object)) return ["a bare Pod that is not a helm test hook"];
  const problems = [];
  if (pod.securityContext?.runAsNonRoot !== true) problems.push("pod securityContext.runAsNonRoot is not true");
  for (const c of pod.containers) {
    const sc = c.securityContext ?? {};
    if (sc.readOnlyRootFilesystem !== true) problems.push(`${c.name}: readOnlyRootFilesystem is not true`);
    if (sc.allowPrivilegeEscalation !== false) problems.push(`${c.name}: allowPrivilegeEscalation is not false`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) problems.push(`${c.name}: capabilities do not drop ALL`);
    const paths = {
      startupProbe: "/q/health/started", livenessProbe: "/q/health/live", readinessProbe: "/q/health/ready",
    };
    if (isHelmTest(object)) {
      if (pod.restartPolicy !== "Never") problems.push(`${c.name}: a helm test Pod must not restart (restartPolicy Never)`);
    } else {
      for (const [probe, path] of Object.entries(paths)) {
        if (c[probe]?.httpGet?.path !== path) problems.push(`${c.name}: ${probe} is not an HTTP GET of ${path}`);
      }
    }
    if (!(c.volumeMounts ?? []).some((m) => m.mountPath === "/tmp")) problems.push(`${c.name}: no writable /tmp`);
  }
  return problems;
}

function checkPrometheusRule(object) {
  if (object.kind !== "PrometheusRule") return [];
  const problems = [];
  for (const group of object.spec.groups ?? []) {
    for (const rule of group.rules ?? []) {
      if (!rule.alert && !rule.record) problems.push(`group ${group.name}: a rule without alert or record`);
      if (!rule.expr) problems.push(`group ${group.name}: ${rule.alert ?? rule.record} has no expr`);
      if (rule.alert && !rule.labels?.severity) problems.push(`alert ${rule.alert} has no severity label`);
    }
  }
  return problems;
}

let failed = false;
for (const file of process.argv.slice(2)) {
  const docs = parseAllDocuments(readFileSync(file, "utf8"));
  const kinds = {};
  for (const doc of docs) {
    if (doc.errors.length) {
      console.error(`${file}: YAML error: ${doc.errors[0].message}`);
      failed = true;
      continue;
    }
    const object = doc.toJS();
    if (!object) continue;
    const where = `${file}: ${object.kind ?? "?"} ${object.metadata?.name ?? "?"}`;
    try {
      if (!object.apiVersion || !object.kind) throw new Error("no apiVersion or kind");
      const Model = await modelClass(object.apiVersion, object.kind);
      new Model(object).validate();
      const problems = [...checkChartPromises(object), ...checkPrometheusRule(object)];
      if (problems.length) throw new Error(problems.join("; "));
      kinds[object.kind] = (kinds[object.kind] ?? 0) + 1;
    } catch (e) {
      console.error(`${where}: INVALID: ${e.message}`);
      failed = true;
    }
  }
  console.log(`${file}: ${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")}`);
}
process.exit(failed ? 1 : 0);
