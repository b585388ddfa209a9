// One-off maintenance script (never run at build, run or test time): adds
// paths of the full upstream Humanitec spec (openapi.full.json, API 0.28.36,
// Apache-2.0) that the console subset in src/api/openapi/humanitec.yaml lacks,
// with every component they reference, stripped the way trim-spec.mjs strips.
// Operations the upstream leaves without an operationId get one (recorded in
// info.x-trim-fixups), so the code generator and the handlers can name them.
// Usage: node mocks/scripts/add-spec-paths.mjs <openapi.full.json>
import { readFileSync, writeFileSync } from 'node:fs';
import YAML from 'yaml';

const input = process.argv[2];
if (!input) throw new Error('usage: add-spec-paths.mjs <openapi.full.json>');
const full = JSON.parse(readFileSync(input, 'utf8'));
const TARGET = 'src/api/openapi/humanitec.yaml';
const text = readFileSync(TARGET, 'utf8');
const header = text.slice(0, text.indexOf('openapi:'));
const doc = YAML.parse(text);

/** Paths to add, and operationIds for operations the upstream leaves unnamed. */
const PATHS = [
  '/orgs/{orgId}/artefact-versions',
  '/orgs/{orgId}/artefact-versions/{artefactVersionId}',
  '/orgs/{orgId}/artefacts',
  '/orgs/{orgId}/artefacts/{artefactId}',
  '/orgs/{orgId}/artefacts/{artefactId}/versions',
  '/orgs/{orgId}/artefacts/{artefactId}/versions/{versionId}',
  '/orgs/{orgId}/audit-logs',
  '/orgs/{orgId}/events',
  '/orgs/{orgId}/registries',
  '/orgs/{orgId}/registries/{regId}',
  '/orgs/{orgId}/registries/{regId}/creds',
  '/orgs/{orgId}/secretstores',
  '/orgs/{orgId}/secretstores/{storeId}',
  // Issue 20: the orchestrator core.
  '/orgs/{orgId}/artefact-versions/convert-score',
  '/orgs/{orgId}/apps/{appId}/sets/{setId}/resources',
  '/orgs/{orgId}/apps/{appId}/envs/{envId}/resources',
  '/orgs/{orgId}/apps/{appId}/envs/{envId}/resources/graph',
  '/orgs/{orgId}/apps/{appId}/envs/{envId}/resources/graphs',
  '/orgs/{orgId}/apps/{appId}/envs/{envId}/resources/graphs/{graphId}',
  '/orgs/{orgId}/apps/{appId}/envs/{envId}/resources/{type}/{resId}',
  '/orgs/{orgId}/apps/{appId}/envs/{envId}/resources/{type}/{resId}/actions/pin',
  '/orgs/{orgId}/resources/account-types',
  '/orgs/{orgId}/resources/accounts',
  '/orgs/{orgId}/resources/accounts/{accId}',
  '/orgs/{orgId}/resources/accounts/{accId}/actions/check',
  '/orgs/{orgId}/resources/defs',
  '/orgs/{orgId}/resources/defs/{defId}',
  '/orgs/{orgId}/resources/defs/{defId}/versions',
  '/orgs/{orgId}/resources/defs/{defId}/versions/{defVersionId}',
  '/orgs/{orgId}/resources/defs/{defId}/versions/{defVersionId}/actions/archive',
  '/orgs/{orgId}/resources/defs/{defId}/versions/{defVersionId}/actions/promote',
  '/orgs/{orgId}/resources/defs/{defId}/criteria',
  '/orgs/{orgId}/resources/defs/{defId}/criteria/{criteriaId}',
  '/orgs/{orgId}/resources/defs/{defId}/resources',
  '/orgs/{orgId}/resources/drivers',
  '/orgs/{orgId}/resources/drivers/{driverId}',
  '/orgs/{orgId}/resources/types',
  '/orgs/{orgId}/resources/types/{typeId}',
  '/orgs/{orgId}/resources/classes',
  '/orgs/{orgId}/resources/types/{typeId}/classes',
  '/orgs/{orgId}/resources/types/{typeId}/classes/{classId}',
  // Issue 22: agents and their keys.
  '/orgs/{orgId}/agents',
  '/orgs/{orgId}/agents/{agentId}',
  '/orgs/{orgId}/agents/{agentId}/keys',
  '/orgs/{orgId}/agents/{agentId}/keys/{fingerprint}',
  '/orgs/{orgId}/keys',
  '/orgs/{orgId}/keys/{keyId}',
  '/orgs/{orgId}/humanitec-keys',
];
const NAMES = {
  'get /orgs/{orgId}/apps/{appId}/values': 'listAppValues',
  'post /orgs/{orgId}/apps/{appId}/values': 'createAppValue',
  'delete /orgs/{orgId}/apps/{appId}/values': 'deleteAppValues',
  'put /orgs/{orgId}/apps/{appId}/values/{key}': 'replaceAppValue',
  'delete /orgs/{orgId}/apps/{appId}/values/{key}': 'deleteAppValue',
  'patch /orgs/{orgId}/apps/{appId}/values/{key}': 'patchAppValue',
  'get /orgs/{orgId}/apps/{appId}/envs/{envId}/values': 'listEnvValues',
  'post /orgs/{orgId}/apps/{appId}/envs/{envId}/values': 'createEnvValue',
  'delete /orgs/{orgId}/apps/{appId}/envs/{envId}/values': 'deleteEnvValues',
  'put /orgs/{orgId}/apps/{appId}/envs/{envId}/values/{key}': 'replaceEnvValue',
  'delete /orgs/{orgId}/apps/{appId}/envs/{envId}/values/{key}':
    'deleteEnvValue',
  'patch /orgs/{orgId}/apps/{appId}/envs/{envId}/values/{key}': 'patchEnvValue',
  'get /orgs/{orgId}/apps/{appId}/value-set-versions':
    'listAppValueSetVersions',
  'get /orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}':
    'getAppValueSetVersion',
  'post /orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}/restore':
    'restoreAppValueSetVersion',
  'post /orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}/restore/{key}':
    'restoreAppValueSetVersionKey',
  'post /orgs/{orgId}/apps/{appId}/value-set-versions/{valueSetVersionId}/purge/{key}':
    'purgeAppValueSetVersionKey',
  'get /orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions':
    'listEnvValueSetVersions',
  'get /orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions/{valueSetVersionId}':
    'getEnvValueSetVersion',
  'post /orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions/{valueSetVersionId}/restore':
    'restoreEnvValueSetVersion',
  'post /orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions/{valueSetVersionId}/restore/{key}':
    'restoreEnvValueSetVersionKey',
  'post /orgs/{orgId}/apps/{appId}/envs/{envId}/value-set-versions/{valueSetVersionId}/purge/{key}':
    'purgeEnvValueSetVersionKey',
  'get /orgs/{orgId}/events': 'listEvents',
  'get /orgs/{orgId}/registries': 'listRegistries',
  'post /orgs/{orgId}/registries': 'createRegistry',
  'get /orgs/{orgId}/registries/{regId}': 'getRegistry',
  'delete /orgs/{orgId}/registries/{regId}': 'deleteRegistry',
  'patch /orgs/{orgId}/registries/{regId}': 'patchRegistry',
  'get /orgs/{orgId}/registries/{regId}/creds': 'getRegistryCreds',
  'get /orgs/{orgId}/secretstores': 'listSecretStores',
  'post /orgs/{orgId}/secretstores': 'createSecretStore',
  'get /orgs/{orgId}/secretstores/{storeId}': 'getSecretStore',
  'delete /orgs/{orgId}/secretstores/{storeId}': 'deleteSecretStore',
  'patch /orgs/{orgId}/secretstores/{storeId}': 'patchSecretStore',
};

const DROP = ['description', 'example', 'examples', 'summary', 'externalDocs'];
const fixups = [...(doc.info['x-trim-fixups'] ?? [])];
function strip(node, parentKey, where) {
  if (Array.isArray(node))
    return node.map((n, i) => strip(n, undefined, `${where}/${i}`));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (parentKey !== 'properties' && DROP.includes(k)) continue;
    if (
      k === 'nullable' &&
      parentKey !== 'properties' &&
      !node.type &&
      !node.$ref
    ) {
      fixups.push(`removed type-less \`nullable: true\` at ${where}`);
      continue;
    }
    out[k] = strip(v, k, `${where}/${k}`);
  }
  return out;
}

const pending = [];
function collectRefs(node) {
  if (Array.isArray(node)) return node.forEach(collectRefs);
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string') pending.push(v);
    else collectRefs(v);
  }
}

let added = 0;
for (const path of PATHS) {
  const item = full.paths[path];
  if (!item) throw new Error(`${path} is not in ${input}`);
  doc.paths[path] ??= {};
  for (const [method, op] of Object.entries(item)) {
    if (doc.paths[path][method]) continue;
    doc.paths[path][method] = strip(op, method, `#/paths/${path}/${method}`);
    collectRefs(op);
    added++;
  }
}
const named = [];
for (const [path, ops] of Object.entries(doc.paths)) {
  for (const [method, op] of Object.entries(ops)) {
    if (!op || typeof op !== 'object' || !op.responses || op.operationId)
      continue;
    const name = NAMES[`${method} ${path}`];
    if (!name) throw new Error(`no operationId for ${method} ${path}`);
    // Keep operationId first among the operation's keys, as upstream writes it.
    ops[method] = { operationId: name, ...op };
    named.push(name);
  }
}
if (named.length) {
  fixups.push(`operationId added where upstream has none: ${named.join(', ')}`);
}

let components = 0;
while (pending.length) {
  const ref = pending.pop();
  const m = /^#\/components\/([^/]+)\/(.+)$/.exec(ref);
  if (!m) throw new Error(`unexpected $ref ${ref}`);
  const [, kind, name] = m;
  doc.components[kind] ??= {};
  if (doc.components[kind][name]) continue;
  const source = full.components?.[kind]?.[name];
  if (!source) throw new Error(`dangling $ref ${ref}`);
  doc.components[kind][name] = strip(source, undefined, ref);
  collectRefs(source);
  components++;
}
doc.info['x-trim-fixups'] = fixups;

writeFileSync(TARGET, header + YAML.stringify(doc, { lineWidth: 0 }));
console.log(
  `${added} operations, ${components} components added; ${named.length} operations named`,
);
