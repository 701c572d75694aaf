// Offline checks of the deploy/ folder, run by check_manifests.sh:
//
//  1. schema   every rendered object is validated by kubernetes-models'
//              validate() (JSON schema: types, required fields, formats);
//  2. fields   every rendered object is emitted as a typed TypeScript
//              constant and type-checked like `tsc --strict` against
//              kubernetes-types, listing every unknown or misspelt field
//              (kubernetes-models' schemas allow them);
//  3. policy   per render: restricted securityContext, probes, resources,
//              shutdown budget, single writer, query mounts read-only,
//              Service/NetworkPolicy/PDB/Prometheus wiring;
//  4. config   the ConfigMap data files (kb-extra.jsonl, topics.jsonl);
//  5. docker   deploy/Dockerfile: dockerfile-utils' validator plus the
//              image rules (tagged bases, numeric non-root USER, apt hygiene).
//
// Usage: node validate.mjs WORKDIR DEPLOY_DIR NAME=RENDERED.yaml...
// Prints one line per failed check, a per-render summary, and finally
// "manifests: N passed, M failed"; exits 1 if anything failed.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parseAllDocuments } from "yaml";
import { validate as validateDockerfile } from "dockerfile-utils";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const MEMORY_LIMIT_MAX = 256 * 1024 * 1024; // SPEC target per server
const DEFAULT_SHUTDOWN_GRACE = 20; // the servers' --shutdown_grace_seconds

const [workDir, deployDir, ...renderArgs] = process.argv.slice(2);
if (!workDir || !deployDir || renderArgs.length === 0) {
  console.error("usage: node validate.mjs WORKDIR DEPLOY_DIR NAME=RENDERED.yaml...");
  process.exit(2);
}

let passed = 0;
let failed = 0;
const warnings = [];
function check(label, problems) {
  if (problems.length === 0) {
    passed++;
    return true;
  }
  failed++;
  for (const p of problems) console.log(`FAIL ${label}: ${p}`);
  return false;
}
const warn = (msg) => warnings.push(msg);

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

function objLabel(o) {
  return `${o?.kind ?? "?"}/${o?.metadata?.name ?? "?"}`;
}

// Kubernetes quantity ("256Mi", "1G", "500m", "1e3") to a number.
function parseQuantity(q) {
  if (typeof q === "number") return q;
  const m = /^([0-9.]+(?:e[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$/.exec(String(q));
  if (!m) return NaN;
  const mult = {
    Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
    m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  };
  return Number(m[1]) * (m[2] ? mult[m[2]] : 1);
}

function labelsMatch(selector, labels) {
  if (!selector) return false;
  const ml = selector.matchLabels ?? {};
  if (Object.keys(ml).length === 0 && !(selector.matchExpressions?.length)) return true;
  for (const [k, v] of Object.entries(ml)) if (labels?.[k] !== v) return false;
  for (const e of selector.matchExpressions ?? []) {
    const has = labels && Object.hasOwn(labels, e.key);
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
  }
  return true;
}

const WORKLOAD_KINDS = new Set(["StatefulSet", "Deployment", "DaemonSet", "ReplicaSet", "Job"]);
function podTemplateOf(o) {
  if (WORKLOAD_KINDS.has(o.kind)) return o.spec?.template;
  if (o.kind === "CronJob") return o.spec?.jobTemplate?.spec?.template;
  if (o.kind === "Pod") return { metadata: o.metadata, spec: o.spec };
  return undefined;
}

// ---------------------------------------------------------------------------
// 1. schema: kubernetes-models validate()
// ---------------------------------------------------------------------------

const modelCache = new Map();
async function loadModel(apiVersion, kind) {
  const key = `${apiVersion}/${kind}`;
  if (!modelCache.has(key)) {
    let cls = null;
    if (/^[a-z0-9.-]+(\/[a-z0-9]+)?$/.test(apiVersion) && /^[A-Za-z]+$/.test(kind)) {
      try {
        const mod = await import(`kubernetes-models/${apiVersion}/${kind}`);
        cls = mod[kind] ?? null;
      } catch {
        cls = null;
      }
    }
    modelCache.set(key, cls);
  }
  return modelCache.get(key);
}

async function schemaCheck(render, obj) {
  const label = `${render} ${objLabel(obj)} [schema]`;
  if (typeof obj?.apiVersion !== "string" || typeof obj?.kind !== "string") {
    return check(label, ["object has no apiVersion/kind"]);
  }
  const Model = await loadModel(obj.apiVersion, obj.kind);
  if (!Model) return check(label, [`no schema for ${obj.apiVersion} ${obj.kind}`]);
  try {
    new Model(obj).validate();
    return check(label, []);
  } catch (e) {
    const details = (e?.errors ?? []).map(
      (er) => `${er.instancePath || "/"} ${er.message}${er.params ? " " + JSON.stringify(er.params) : ""}`,
    );
    return check(label, details.length ? details : [String(e?.message ?? e)]);
  }
}

// ---------------------------------------------------------------------------
// 2. fields: TypeScript literal typed with kubernetes-types, tsc --strict
// ---------------------------------------------------------------------------

// kubernetes-types module for an apiVersion: "v1" -> core/v1,
// "apps/v1" -> apps/v1, "networking.k8s.io/v1" -> networking/v1.
function typesModuleFor(apiVersion) {
  const parts = apiVersion.split("/");
  const [group, version] = parts.length === 1 ? ["core", parts[0]] : [parts[0].split(".")[0], parts[1]];
  return `${group}/${version}`;
}

// JSON-like TypeScript literal; records the JSON path of every line so that
// tsc's line numbers map back to a field path.
function emitLiteral(value, linePaths, baseLine) {
  const lines = [];
  const push = (text, p) => {
    lines.push(text);
    linePaths[baseLine + lines.length] = p;
  };
  const walk = (v, indent, prefix, p, suffix) => {
    const pad = "  ".repeat(indent);
    if (Array.isArray(v)) {
      if (v.length === 0) return push(`${pad}${prefix}[]${suffix}`, p);
      push(`${pad}${prefix}[`, p);
      v.forEach((item, i) => walk(item, indent + 1, "", `${p}[${i}]`, i < v.length - 1 ? "," : ""));
      push(`${pad}]${suffix}`, p);
    } else if (v !== null && typeof v === "object") {
      const entries = Object.entries(v);
      if (entries.length === 0) return push(`${pad}${prefix}{}${suffix}`, p);
      push(`${pad}${prefix}{`, p);
      entries.forEach(([k, item], i) =>
        walk(item, indent + 1, `${JSON.stringify(k)}: `, p ? `${p}.${k}` : k, i < entries.length - 1 ? "," : ""),
      );
      push(`${pad}}${suffix}`, p);
    } else {
      push(`${pad}${prefix}${JSON.stringify(v)}${suffix}`, p);
    }
  };
  walk(value, 0, "", "", "");
  return lines;
}

function fieldsCheck(allObjects) {
  const tsDir = path.join(workDir, "ts");
  fs.mkdirSync(tsDir, { recursive: true });
  const typesRoot = path.join(HERE, "node_modules", "kubernetes-types");
  const files = [];
  const fileInfo = new Map(); // basename -> { render, obj, linePaths }
  allObjects.forEach(({ render, obj }, i) => {
    const label = `${render} ${objLabel(obj)} [fields]`;
    if (typeof obj?.apiVersion !== "string" || typeof obj?.kind !== "string" || !/^[A-Za-z]+$/.test(obj.kind)) {
      check(label, ["object has no usable apiVersion/kind"]);
      return;
    }
    const mod = typesModuleFor(obj.apiVersion);
    if (!fs.existsSync(path.join(typesRoot, `${mod}.d.ts`))) {
      check(label, [`kubernetes-types has no module for apiVersion ${obj.apiVersion}`]);
      return;
    }
    const base = `${String(i).padStart(3, "0")}-${render}-${obj.kind}-${String(obj.metadata?.name ?? "x").replace(/[^A-Za-z0-9_.-]/g, "_")}.ts`;
    const header = [
      `// ${render}: ${objLabel(obj)}`,
      `import type { ${obj.kind} } from "kubernetes-types/${mod}";`,
    ];
    const linePaths = {};
    const body = emitLiteral(obj, linePaths, header.length);
    body[0] = `export const object: ${obj.kind} = ${body[0]}`;
    body[body.length - 1] += ";";
    fs.writeFileSync(path.join(tsDir, base), [...header, ...body, ""].join("\n"));
    files.push(base);
    fileInfo.set(base, { render, obj, linePaths, label });
  });
  if (files.length === 0) return;

  // Same compiler and options as `tsc --strict --noEmit` (the tsconfig is
  // written too, so a failure can be replayed by hand with
  // `npx tsc -p <dir>/tsconfig.json`), driven through the compiler API so
  // that every unknown field is listed: tsc itself names only the first
  // excess property of each object literal.
  const compilerOptions = {
    strict: true,
    noEmit: true,
    target: "ES2022",
    module: "ESNext",
    moduleResolution: "bundler",
    types: [],
    skipLibCheck: false,
    paths: { "kubernetes-types/*": [`${typesRoot}/*`] },
  };
  fs.writeFileSync(path.join(tsDir, "tsconfig.json"), JSON.stringify({ compilerOptions, files }, null, 2));
  const parsed = ts.convertCompilerOptionsFromJson(compilerOptions, tsDir);
  if (parsed.errors.length) {
    check("tsc options", parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, " ")));
    return;
  }
  const program = ts.createProgram(files.map((f) => path.join(tsDir, f)), parsed.options);
  const checker = program.getTypeChecker();
  const problems = new Map(files.map((f) => [f, []]));
  const general = [];
  const where = (sf, pos) => {
    const info = fileInfo.get(path.basename(sf.fileName));
    const line = sf.getLineAndCharacterOfPosition(pos).line + 1;
    return { info, fieldPath: info?.linePaths[line] || "(object)" };
  };

  // 2a. compiler diagnostics (types, required fields, literal values).
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
    if (!d.file) {
      general.push(`TS${d.code}: ${text}`);
      continue;
    }
    const { info, fieldPath } = where(d.file, d.start ?? 0);
    if (!info) general.push(`${d.file.fileName}: TS${d.code}: ${text}`);
    else if (d.code !== 2353 && d.code !== 2561) problems.get(path.basename(d.file.fileName)).push(`${fieldPath}: ${text} (TS${d.code})`);
  }

  // 2b. every property of every object literal must exist in its
  // contextual type (maps such as labels have an index signature).
  const knows = (type, name) => {
    // Optional fields are contextually typed `T | undefined`: look in T.
    const parts = (type.isUnion() ? type.types : [type]).filter(
      (t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)),
    );
    return parts.length === 0 || parts.some(
      (t) => !(t.flags & ts.TypeFlags.Object) || checker.getPropertyOfType(t, name) || checker.getIndexInfosOfType(t).length > 0,
    );
  };
  for (const f of files) {
    const sf = program.getSourceFile(path.join(tsDir, f));
    const visit = (node) => {
      if (ts.isObjectLiteralExpression(node)) {
        const type = checker.getContextualType(node);
        if (type) {
          for (const prop of node.properties) {
            if (!ts.isPropertyAssignment(prop)) continue;
            const name = ts.isStringLiteral(prop.name) ? prop.name.text : prop.name.getText(sf);
            if (!knows(type, name)) {
              const { fieldPath } = where(sf, prop.getStart(sf));
              const shown = checker.typeToString(checker.getNonNullableType(type));
              problems.get(f).push(`${fieldPath}: unknown field "${name}" (not in ${shown})`);
            }
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  for (const f of files) check(fileInfo.get(f).label, problems.get(f));
  if (general.length) check("tsc", general);
}

// ---------------------------------------------------------------------------
// 3. policy, per render
// ---------------------------------------------------------------------------

function containersOf(podSpec) {
  return [...(podSpec?.initContainers ?? []), ...(podSpec?.containers ?? [])];
}

function securityProblems(o, tpl) {
  const p = [];
  const ps = tpl.spec ?? {};
  const psc = ps.securityContext ?? {};
  if (ps.automountServiceAccountToken !== false) p.push("automountServiceAccountToken should be false");
  if (ps.hostNetwork || ps.hostPID || ps.hostIPC) p.push("host namespaces are not allowed");
  for (const c of containersOf(ps)) {
    const sc = c.securityContext ?? {};
    const where = `container ${c.name}`;
    if ((sc.runAsNonRoot ?? psc.runAsNonRoot) !== true) p.push(`${where}: runAsNonRoot must be true`);
    const uid = sc.runAsUser ?? psc.runAsUser;
    if (uid === undefined || uid === 0) p.push(`${where}: runAsUser must be a non-zero numeric UID`);
    if ((sc.seccompProfile ?? psc.seccompProfile)?.type !== "RuntimeDefault") p.push(`${where}: seccompProfile must be RuntimeDefault`);
    if (sc.allowPrivilegeEscalation !== false) p.push(`${where}: allowPrivilegeEscalation must be false`);
    if (sc.readOnlyRootFilesystem !== true) p.push(`${where}: readOnlyRootFilesystem must be true`);
    if (sc.privileged === true) p.push(`${where}: privileged`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) p.push(`${where}: capabilities.drop must include ALL`);
    if ((sc.capabilities?.add ?? []).length) p.push(`${where}: capabilities.add must be empty`);
  }
  return p;
}

// Batch pods (Job, CronJob) run to completion: no probes (nothing serves),
// no PodDisruptionBudget (a Job is retried, not kept available).
const BATCH_KINDS = new Set(["Job", "CronJob"]);

function resourceProbeProblems(tpl, batch) {
  const p = [];
  for (const c of tpl.spec?.containers ?? []) {
    const where = `container ${c.name}`;
    const r = c.resources ?? {};
    for (const k of ["cpu", "memory"]) if (r.requests?.[k] === undefined) p.push(`${where}: resources.requests.${k} missing`);
    if (r.limits?.memory === undefined) p.push(`${where}: resources.limits.memory missing`);
    const lim = parseQuantity(r.limits?.memory);
    if (Number.isFinite(lim) && lim > MEMORY_LIMIT_MAX) p.push(`${where}: memory limit ${r.limits.memory} exceeds 256Mi`);
    const req = parseQuantity(r.requests?.memory);
    if (Number.isFinite(lim) && Number.isFinite(req) && req > lim) p.push(`${where}: memory request above limit`);
    for (const probe of batch ? [] : ["startupProbe", "readinessProbe", "livenessProbe"]) {
      const pr = c[probe];
      if (!pr) {
        p.push(`${where}: ${probe} missing`);
        continue;
      }
      const handlers = ["grpc", "httpGet", "tcpSocket", "exec"].filter((h) => pr[h] !== undefined);
      if (handlers.length !== 1) p.push(`${where}: ${probe} must have exactly one handler, has ${handlers.join(",") || "none"}`);
    }
  }
  return p;
}

function shutdownProblems(tpl) {
  const p = [];
  const tgps = tpl.spec?.terminationGracePeriodSeconds ?? 30;
  for (const c of tpl.spec?.containers ?? []) {
    const env = Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));
    const grace = Number(env.CLAIMS_SHUTDOWN_GRACE_SECONDS ?? DEFAULT_SHUTDOWN_GRACE);
    const cmd = c.lifecycle?.preStop?.exec?.command ?? [];
    const sleep = /(^|\/)sleep$/.test(cmd[0] ?? "") ? Number(cmd[1] ?? 0) : Number(c.lifecycle?.preStop?.sleep?.seconds ?? 0);
    // Leave at least 3 s for flush and close after the drain deadline.
    if (!(grace + sleep + 3 <= tgps)) {
      p.push(`container ${c.name}: preStop ${sleep}s + shutdown grace ${grace}s + 3s flush exceeds terminationGracePeriodSeconds ${tgps}`);
    }
  }
  return p;
}

function claimstoreProblems(sts, byKind) {
  const p = [];
  const spec = sts.spec ?? {};
  const pod = spec.template?.spec ?? {};
  if (spec.replicas !== 1) p.push(`replicas must be 1 (single RocksDB writer), is ${spec.replicas}`);
  const headless = (byKind.Service ?? []).find((s) => s.metadata?.name === spec.serviceName);
  if (!headless) p.push(`serviceName ${spec.serviceName} has no Service in the render`);
  else if (headless.spec?.clusterIP !== "None") p.push(`Service ${spec.serviceName} must be headless (clusterIP: None)`);
  const ingest = pod.containers?.find((c) => c.name === "ingest");
  const query = pod.containers?.find((c) => c.name === "query");
  if (!ingest || !query) return [...p, "containers ingest and query are both required"];
  const envOf = (c) => Object.fromEntries((c.env ?? []).map((e) => [e.name, e.value]));
  const mountFor = (c, file) =>
    (c.volumeMounts ?? [])
      .filter((m) => file === m.mountPath || file.startsWith(`${m.mountPath.replace(/\/$/, "")}/`))
      .sort((a, b) => b.mountPath.length - a.mountPath.length)[0];
  const volumes = Object.fromEntries((pod.volumes ?? []).map((v) => [v.name, v]));
  const claimNames = new Set((spec.volumeClaimTemplates ?? []).map((t) => t.metadata?.name));
  const ie = envOf(ingest);
  const qe = envOf(query);
  if (!ie.CLAIMS_DATA_DIR || ie.CLAIMS_DATA_DIR !== qe.CLAIMS_DATA_DIR) p.push("ingest and query must use the same CLAIMS_DATA_DIR");
  const im = ie.CLAIMS_DATA_DIR && mountFor(ingest, ie.CLAIMS_DATA_DIR);
  const qm = qe.CLAIMS_DATA_DIR && mountFor(query, qe.CLAIMS_DATA_DIR);
  if (!im || !claimNames.has(im.name)) p.push("ingest's data dir must be on a volumeClaimTemplate volume");
  else if (im.readOnly) p.push("ingest must mount the data volume read-write");
  if (!qm || qm.name !== im?.name) p.push("query's data dir must be on the same volume as ingest's");
  else if (qm.readOnly !== true) p.push("query must mount the data volume readOnly");
  const sm = qe.CLAIMS_SECONDARY_DIR && mountFor(query, qe.CLAIMS_SECONDARY_DIR);
  if (!sm) p.push("query needs CLAIMS_SECONDARY_DIR on a mounted volume");
  else if (!volumes[sm.name]?.emptyDir) p.push("query's secondary dir should be an emptyDir");
  else if (sm.readOnly) p.push("query's secondary dir must be writable");
  for (const [c, env] of [[ingest, ie], [query, qe]]) {
    for (const k of ["CLAIMS_KB_EXTRA_FILE", "CLAIMS_TAXONOMY_FILE", "CLAIMS_TLS_CERT_FILE", "CLAIMS_TLS_KEY_FILE", "CLAIMS_TLS_CLIENT_CA_FILE", "CLAIMS_AUTH_TOKEN_FILE"]) {
      if (env[k] && env[k].startsWith("/etc/") && !mountFor(c, env[k])) p.push(`container ${c.name}: ${k}=${env[k]} is not on a mounted volume`);
    }
    for (const k of ["CLAIMS_LISTEN", "CLAIMS_METRICS_LISTEN"]) {
      const port = Number(/:(\d+)$/.exec(env[k] ?? "")?.[1]);
      if (!env[k] || !env[k].startsWith("0.0.0.0:")) p.push(`container ${c.name}: ${k} must bind 0.0.0.0 in a pod`);
      else if (!(c.ports ?? []).some((cp) => cp.containerPort === port)) p.push(`container ${c.name}: ${k} port ${port} is not a containerPort`);
    }
  }
  const names = byKind.ConfigMap?.map((c) => c.metadata?.name) ?? [];
  for (const v of pod.volumes ?? []) {
    if (v.configMap && !names.includes(v.configMap.name)) p.push(`volume ${v.name}: ConfigMap ${v.configMap.name} not in the render`);
  }
  return p;
}

function wiringProblems(tpl, byKind, replicas, batch) {
  const p = [];
  const labels = tpl.metadata?.labels ?? {};
  const ports = (tpl.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  const portByName = Object.fromEntries(ports.filter((x) => x.name).map((x) => [x.name, x.containerPort]));
  const annotatedMetricsPorts = new Set();
  for (const s of byKind.Service ?? []) {
    const sel = s.spec?.selector ?? {};
    if (!Object.entries(sel).every(([k, v]) => labels[k] === v)) continue;
    for (const sp of s.spec?.ports ?? []) {
      const tp = sp.targetPort ?? sp.port;
      const target = typeof tp === "string" ? portByName[tp] : tp;
      if (target === undefined) p.push(`Service ${s.metadata.name} port ${sp.name}: targetPort ${tp} is not a container port`);
      if (/grpc/.test(sp.name ?? "") && sp.appProtocol !== "grpc") p.push(`Service ${s.metadata.name} port ${sp.name}: appProtocol should be grpc`);
    }
    const ann = s.metadata?.annotations ?? {};
    if (ann["prometheus.io/scrape"] === "true") annotatedMetricsPorts.add(Number(ann["prometheus.io/port"]));
  }
  for (const cp of ports.filter((x) => /^metrics/.test(x.name ?? ""))) {
    if (!annotatedMetricsPorts.has(cp.containerPort)) p.push(`metrics port ${cp.containerPort} has no Service with prometheus.io/scrape + prometheus.io/port`);
  }
  const pdbs = (byKind.PodDisruptionBudget ?? []).filter((b) => labelsMatch(b.spec?.selector, labels));
  if (batch && pdbs.length) p.push(`a PodDisruptionBudget selects a batch pod: ${pdbs.map((b) => b.metadata.name).join(", ")}`);
  else if (!batch && pdbs.length !== 1) p.push(`expected exactly one PodDisruptionBudget selecting the pod, found ${pdbs.length}`);
  for (const b of pdbs) {
    const { maxUnavailable: mu, minAvailable: ma } = b.spec ?? {};
    const pct = (x) => (typeof x === "string" && x.endsWith("%") ? Math.ceil((Number(x.slice(0, -1)) / 100) * replicas) : Number(x));
    if (mu !== undefined && !(pct(mu) >= 1)) p.push(`PDB ${b.metadata.name}: maxUnavailable ${mu} would block node drains forever`);
    if (ma !== undefined && !(pct(ma) < replicas)) p.push(`PDB ${b.metadata.name}: minAvailable ${ma} with ${replicas} replica(s) would block node drains forever`);
  }
  const nps = (byKind.NetworkPolicy ?? []).filter((n) => labelsMatch(n.spec?.podSelector, labels));
  if (nps.length === 0) p.push("no NetworkPolicy selects the pod");
  for (const cp of ports) {
    const allowed = nps.some((n) =>
      (n.spec?.ingress ?? []).some((r) => (r.ports ?? []).some((x) => x.port === cp.containerPort || x.port === cp.name)),
    );
    if (!allowed) p.push(`containerPort ${cp.containerPort} is reachable by no NetworkPolicy ingress rule`);
  }
  for (const n of nps) {
    for (const r of n.spec?.ingress ?? []) {
      if (!r.from?.length) p.push(`NetworkPolicy ${n.metadata.name}: an ingress rule without "from" admits every source`);
    }
  }
  return p;
}

function policyChecks(render, objects) {
  const byKind = {};
  for (const o of objects) (byKind[o.kind] ??= []).push(o);
  const names = new Set();
  const dupes = [];
  for (const o of objects) {
    const k = `${o.apiVersion}|${o.kind}|${o.metadata?.namespace ?? ""}|${o.metadata?.name}`;
    if (names.has(k)) dupes.push(`duplicate object ${objLabel(o)}`);
    names.add(k);
  }
  check(`${render} [policy] unique objects`, dupes);
  const workloads = objects.filter((o) => podTemplateOf(o));
  check(`${render} [policy] has workloads`, workloads.length ? [] : ["no workload in the render"]);
  for (const o of workloads) {
    const tpl = podTemplateOf(o);
    const l = `${render} ${objLabel(o)} [policy]`;
    check(`${l} securityContext`, securityProblems(o, tpl));
    const batch = BATCH_KINDS.has(o.kind);
    check(`${l} resources+probes`, resourceProbeProblems(tpl, batch));
    check(`${l} shutdown budget`, shutdownProblems(tpl));
    check(`${l} services/pdb/netpol/metrics`, wiringProblems(tpl, byKind, o.spec?.replicas ?? 1, batch));
    if (o.kind === "StatefulSet" && o.metadata?.name === "claimstore") check(`${l} claimstore layout`, claimstoreProblems(o, byKind));
  }
}

// ---------------------------------------------------------------------------
// 4. config data files
// ---------------------------------------------------------------------------

const SPEC_DEFAULT_LEAVES = [
  "conflict/armed-conflict", "conflict/ceasefire", "conflict/hostages", "conflict/terrorism",
  "diplomacy/negotiation", "diplomacy/visit", "diplomacy/alliance", "security/nuclear",
  "politics/domestic", "politics/elections", "economy/trade", "economy/labour",
  "law/corruption", "society/public-opinion", "humanitarian", "education",
];

function readJsonl(file, problems) {
  const rows = [];
  fs.readFileSync(file, "utf8").split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const v = JSON.parse(line);
      if (v === null || typeof v !== "object" || Array.isArray(v)) problems.push(`${path.basename(file)}:${i + 1}: not a JSON object`);
      else rows.push({ line: i + 1, v });
    } catch (e) {
      problems.push(`${path.basename(file)}:${i + 1}: ${e.message}`);
    }
  });
  return rows;
}

// Field names of claims.kb.KbEntry / TopicEntry (common/kb/kb_entry.proto):
// the servers parse these files with protobuf's JSON mapping, so any other
// field makes them refuse to start.
const KB_FIELDS = new Set(["id", "name", "type", "kind", "country", "role", "aliases", "demonyms",
  "group_names", "groupNames", "capitals", "iso_alpha2", "isoAlpha2", "offices"]);
const OFFICE_FIELDS = new Set(["title", "country", "start", "end"]);
const TOPIC_FIELDS = new Set(["id", "label", "iptc_code", "iptcCode", "keywords"]);
const ACTOR_TYPES = new Set(["PERSON", "ORGANIZATION", "LOCATION", "GROUP", "OTHER_ACTOR"]);

function configChecks() {
  const cfg = path.join(deployDir, "kubernetes", "base", "config");
  const repoData = path.join(deployDir, "..", "knowledge");
  const kbProblems = [];
  const kbFile = path.join(cfg, "kb-extra.jsonl");
  // Ids of the bundled knowledge base: an extra entry with a known id
  // extends that actor (no name needed); a new id is a new actor.
  const bundledIds = new Set();
  const kbDir = path.join(repoData, "kb");
  if (fs.existsSync(kbDir)) {
    for (const f of fs.readdirSync(kbDir).filter((x) => x.endsWith(".jsonl"))) {
      for (const { v } of readJsonl(path.join(kbDir, f), [])) if (typeof v.id === "string") bundledIds.add(v.id);
    }
  }
  const ids = new Set();
  for (const { line, v } of fs.existsSync(kbFile) ? readJsonl(kbFile, kbProblems) : (kbProblems.push("missing"), [])) {
    const at = `kb-extra.jsonl:${line}`;
    for (const k of Object.keys(v)) if (!KB_FIELDS.has(k)) kbProblems.push(`${at}: unknown field "${k}"`);
    for (const o of Array.isArray(v.offices) ? v.offices : []) {
      for (const k of Object.keys(o ?? {})) if (!OFFICE_FIELDS.has(k)) kbProblems.push(`${at}: unknown office field "${k}"`);
    }
    if (typeof v.id !== "string" || !v.id) kbProblems.push(`${at}: "id" missing`);
    const known = bundledIds.has(v.id) || ids.has(v.id);
    if (!known && v.kind !== "title" && (typeof v.name !== "string" || !v.name)) kbProblems.push(`${at}: new actor ${v.id} needs "name"`);
    if (!known && v.kind !== "title" && !ACTOR_TYPES.has(v.type)) kbProblems.push(`${at}: new actor ${v.id} needs "type" (${[...ACTOR_TYPES].join(", ")})`);
    if (known && v.type !== undefined && !ACTOR_TYPES.has(v.type)) kbProblems.push(`${at}: bad "type" ${JSON.stringify(v.type)}`);
    for (const k of ["aliases", "demonyms", "group_names", "capitals"]) {
      if (v[k] !== undefined && !(Array.isArray(v[k]) && v[k].every((x) => typeof x === "string"))) kbProblems.push(`${at}: "${k}" must be a list of strings`);
    }
    ids.add(v.id);
  }
  check("config kb-extra.jsonl", kbProblems);

  const tProblems = [];
  const tFile = path.join(cfg, "topics.jsonl");
  const topics = fs.existsSync(tFile) ? readJsonl(tFile, tProblems) : (tProblems.push("missing"), []);
  const seen = new Set();
  for (const { line, v } of topics) {
    for (const k of Object.keys(v)) if (!TOPIC_FIELDS.has(k)) tProblems.push(`topics.jsonl:${line}: unknown field "${k}"`);
    if (typeof v.id !== "string" || !/^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(v.id)) tProblems.push(`topics.jsonl:${line}: bad id ${JSON.stringify(v.id)}`);
    if (typeof v.label !== "string" || !v.label) tProblems.push(`topics.jsonl:${line}: "label" missing`);
    if (typeof v.iptc_code !== "string" || !/^medtop:\d{8}$/.test(v.iptc_code)) tProblems.push(`topics.jsonl:${line}: bad iptc_code ${JSON.stringify(v.iptc_code)}`);
    if (seen.has(v.id)) tProblems.push(`topics.jsonl:${line}: duplicate id ${v.id}`);
    const parent = typeof v.id === "string" && v.id.includes("/") ? v.id.slice(0, v.id.lastIndexOf("/")) : null;
    if (parent && !seen.has(parent)) tProblems.push(`topics.jsonl:${line}: parent ${parent} must come before ${v.id}`);
    seen.add(v.id);
  }
  for (const leaf of SPEC_DEFAULT_LEAVES) if (!seen.has(leaf)) tProblems.push(`topics.jsonl lacks the default topic ${leaf} (it replaces the bundled taxonomy)`);
  check("config topics.jsonl", tProblems);

  // The deploy copy replaces the bundled taxonomy: warn when it has fallen
  // behind the repository's knowledge/taxonomy/topics.jsonl.
  const bundled = path.join(repoData, "taxonomy", "topics.jsonl");
  if (fs.existsSync(bundled)) {
    const bundledIds = readJsonl(bundled, []).map(({ v }) => v.id).filter((x) => typeof x === "string");
    const missing = bundledIds.filter((x) => !seen.has(x));
    if (missing.length) {
      warn(`deploy/kubernetes/base/config/topics.jsonl lacks ${missing.length} topic(s) of knowledge/taxonomy/topics.jsonl (${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ", ..." : ""}); refresh it: cp knowledge/taxonomy/topics.jsonl deploy/kubernetes/base/config/topics.jsonl`);
    }
  }
}

// ---------------------------------------------------------------------------
// 5. Dockerfile
// ---------------------------------------------------------------------------

function dockerChecks() {
  const file = path.join(deployDir, "Dockerfile");
  const text = fs.readFileSync(file, "utf8");
  const lintProblems = [];
  for (const d of validateDockerfile(text)) {
    const msg = `Dockerfile:${d.range.start.line + 1}: ${d.message}`;
    if (d.severity === 1) lintProblems.push(msg);
    else warn(msg);
  }
  check("Dockerfile [dockerfile-utils]", lintProblems);

  // Logical instructions (continuations joined, comments dropped).
  const instrs = [];
  let cur = "";
  for (const raw of text.split("\n")) {
    if (/^\s*#/.test(raw) && !cur) continue;
    if (/^\s*#/.test(raw)) continue;
    const line = raw.replace(/\s+$/, "");
    if (line.endsWith("\\")) {
      cur += line.slice(0, -1) + " ";
      continue;
    }
    cur += line;
    if (cur.trim()) instrs.push(cur.trim());
    cur = "";
  }
  const p = [];
  const froms = instrs.filter((i) => /^FROM\s/i.test(i));
  if (froms.length < 2) p.push("expected a multi-stage build (build + runtime)");
  for (const f of froms) {
    const image = f.split(/\s+/).filter((w) => !w.startsWith("--"))[1] ?? "";
    const stageNames = froms.map((x) => /\sAS\s+(\S+)/i.exec(x)?.[1]).filter(Boolean);
    if (stageNames.includes(image)) continue;
    if (!/^debian:12([.-]|$|@)|^debian:bookworm/.test(image)) p.push(`FROM ${image}: base must be a tagged Debian 12 (bookworm) image`);
    if (/:latest$/.test(image) || !/[:@]/.test(image)) p.push(`FROM ${image}: pin a tag or digest`);
  }
  const lastStage = instrs.slice(instrs.lastIndexOf(froms[froms.length - 1]));
  const users = lastStage.filter((i) => /^USER\s/i.test(i));
  const user = users.length ? users[users.length - 1].split(/\s+/)[1] : "";
  if (!/^[1-9]\d*(:[1-9]\d*)?$/.test(user)) p.push(`final stage USER must be a numeric non-root uid[:gid], is ${JSON.stringify(user)}`);
  for (const i of instrs.filter((x) => /^RUN\s/i.test(x))) {
    if (/apt-get\s+install/.test(i) && !/--no-install-recommends/.test(i)) p.push(`apt-get install without --no-install-recommends: ${i.slice(0, 80)}...`);
    if (/apt-get\s+install/.test(i) && !/-y\b|--yes|--assume-yes/.test(i)) p.push(`apt-get install without -y: ${i.slice(0, 80)}...`);
    if (/apt-get\s+update/.test(i) && !/rm -rf \/var\/lib\/apt\/lists/.test(i)) p.push(`apt-get update without removing /var/lib/apt/lists in the same RUN`);
    if (/\bsudo\b/.test(i)) p.push("sudo in RUN");
  }
  if (!instrs.some((i) => /^CMD\s+\[/.test(i) || /^ENTRYPOINT\s+\[/.test(i))) p.push("CMD/ENTRYPOINT should use the exec (JSON) form");
  const repo = path.join(deployDir, "..");
  for (const i of instrs.filter((x) => /^(COPY|ADD)\s/i.test(x) && !/--from=/.test(x))) {
    const args = i.split(/\s+/).slice(1).filter((w) => !w.startsWith("--"));
    for (const src of args.slice(0, -1)) {
      if (src !== "." && !fs.existsSync(path.join(repo, src))) p.push(`${i}: ${src} does not exist in the repository`);
    }
  }
  for (const m of text.matchAll(/\b(deploy\/docker\/[A-Za-z0-9_.-]+)/g)) {
    if (!fs.existsSync(path.join(repo, m[1]))) p.push(`${m[1]} referenced by the Dockerfile does not exist`);
  }
  check("Dockerfile [image rules]", p);
}

// ---------------------------------------------------------------------------
// main
// ---------------------------------------------------------------------------

const all = [];
const perRender = [];
for (const arg of renderArgs) {
  const eq = arg.indexOf("=");
  const render = arg.slice(0, eq);
  const file = arg.slice(eq + 1);
  const docs = parseAllDocuments(fs.readFileSync(file, "utf8"));
  const objects = [];
  const parseProblems = [];
  for (const d of docs) {
    if (d.errors.length) parseProblems.push(...d.errors.map((e) => e.message));
    const v = d.toJS({ maxAliasCount: -1 });
    if (v !== null && v !== undefined) objects.push(v);
  }
  check(`${render} [yaml] parse`, parseProblems);
  if (objects.length === 0) check(`${render} [yaml] objects`, ["render produced no objects"]);
  for (const obj of objects) {
    await schemaCheck(render, obj);
    all.push({ render, obj });
  }
  policyChecks(render, objects);
  perRender.push({ render, count: objects.length, kinds: [...new Set(objects.map((o) => o.kind))].sort() });
}
fieldsCheck(all);
configChecks();
dockerChecks();

for (const w of warnings) console.log(`WARN ${w}`);
for (const r of perRender) console.log(`render ${r.render}: ${r.count} objects (${r.kinds.join(", ")})`);
console.log(`manifests: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

