// Runs the scripts of the chart's `helm test` Pods (templates/tests/) offline against stand-ins on 127.0.0.1, run by
// .ci/helm-checks.sh from the folder that holds node_modules (yaml):
//   node helm-test-pods.mjs RENDERED.yaml   (helm template output with the chart-made signing key Secret)
// A stand-in loader verifies the read test's token as the stages do (RS256 with the Secret's certificate, issuer,
// roles claim, audience, expiry) and answers GET /v1/reports/daily/kept with [] (or 401); a stand-in management port
// answers /q/health/ready. Checks: each readiness Pod passes on 200; the read Pod passes with the chart's key and
// fails with another key.
import { createServer } from "node:http";
import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";

const objects = parseAllDocuments(readFileSync(process.argv[2], "utf8")).map((d) => d.toJS()).filter(Boolean);
const secret = objects.find((o) => o.kind === "Secret" && o.metadata.name.endsWith("-jwt"));
const pods = objects.filter((o) => o.kind === "Pod");
const loaderConfig = objects.find((o) => o.kind === "Deployment" && o.metadata.name.endsWith("-loader"));
const authEnv = Object.fromEntries(loaderConfig.spec.template.spec.containers[0].env
  .filter((e) => e.value !== undefined).map((e) => [e.name, e.value]));
const dir = mkdtempSync(join(tmpdir(), "helm-test-pods-"));
const keyFile = join(dir, "signing-key.pem");
const certificate = Buffer.from(secret.data["tls.crt"], "base64");
writeFileSync(keyFile, Buffer.from(secret.data["tls.key"], "base64"));
const otherKeyFile = join(dir, "other-key.pem");
writeFileSync(otherKeyFile, generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey
  .export({ type: "pkcs1", format: "pem" }));

// the stages' verification (docs/SECURITY.md), as far as the read test relies on it
function tokenProblem(header) {
  const [head, payload, signature] = (header ?? "").replace(/^Bearer /, "").split(".");
  if (!signature) return "no bearer token";
  if (JSON.parse(Buffer.from(head, "base64url")).alg !== "RS256") return "not RS256";
  const key = createPublicKey(certificate);
  if (!verify("sha256", Buffer.from(`${head}.${payload}`), key, Buffer.from(signature, "base64url"))) return "bad signature";
  const claims = JSON.parse(Buffer.from(payload, "base64url"));
  if (claims.iss !== authEnv.MARKETPIPE_AUTH_ISSUER) return "wrong issuer";
  const roles = authEnv.MARKETPIPE_AUTH_ROLES_CLAIM.split("/").reduce((value, name) => value?.[name], claims);
  if (!roles?.includes("reader")) return "no reader role";
  const audiences = (authEnv.MARKETPIPE_AUTH_AUDIENCES ?? "").split(",").filter(Boolean);
  if (audiences.length && ![claims.aud].flat().some((a) => audiences.includes(a))) return "wrong audience";
  if (!(claims.exp > Date.now() / 1000)) return "expired";
  return null;
}

const server = createServer((request, response) => {
  if (request.url === "/q/health/ready") {
    response.writeHead(200, { "content-type": "application/json" }).end('{"status":"UP","checks":[]}');
  } else if (request.url === "/v1/reports/daily/kept?limit=1") {
    const problem = tokenProblem(request.headers.authorization);
    if (problem) response.writeHead(401).end(problem);
    else response.writeHead(200, { "content-type": "application/json" }).end("[]");
  } else {
    response.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}`;

// (asynchronously: the stand-ins answer from this process)
function run(pod, overrides) {
  const container = pod.spec.containers[0];
  const env = Object.fromEntries((container.env ?? []).map((e) => [e.name, e.value]));
  Object.assign(env, overrides, { PATH: process.env.PATH });
  return new Promise((resolve) => {
    execFile(process.execPath, ["--eval", container.command[2]], { env, timeout: 60000 },
      (error, stdout, stderr) => resolve({ ok: !error, out: `${stdout}${stderr}` }));
  });
}

let failed = false;
const expect = (what, result, ok) => {
  console.log(`${result.ok === ok ? "ok" : "WRONG"}: ${what}${result.ok === ok ? "" : `\n${result.out}`}`);
  if (result.ok !== ok) failed = true;
};
for (const pod of pods) {
  const name = pod.metadata.name;
  if (name.endsWith("-ready")) {
    expect(`${name} passes on a ready stage`, await run(pod, { READY_URL: `${base}/q/health/ready` }), true);
  } else if (name.endsWith("-loader-read")) {
    expect(`${name} reads with the chart's key`, await run(pod, { LOADER_URL: base, TOKEN_KEY: keyFile }), true);
    expect(`${name} fails with another key`, await run(pod, { LOADER_URL: base, TOKEN_KEY: otherKeyFile }), false);
  } else {
    console.log(`WRONG: unknown test Pod ${name}`);
    failed = true;
  }
}
server.close();
process.exit(failed || !pods.length ? 1 : 0);
