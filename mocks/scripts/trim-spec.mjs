// One-off maintenance script (never run at build, run or test time): derives
// src/api/openapi/humanitec.yaml from the upstream console subset kept in the
// shared reference folder. Usage: node mocks/scripts/trim-spec.mjs <openapi.console.yaml>
import { readFileSync, writeFileSync } from 'node:fs';
import YAML from 'yaml';

const input = process.argv[2];
if (!input) throw new Error('usage: trim-spec.mjs <openapi.console.yaml>');
const doc = YAML.parse(readFileSync(input, 'utf8'));
const DROP = ['description', 'example', 'examples', 'summary', 'externalDocs'];

function strip(node, parentKey) {
  if (Array.isArray(node)) return node.map((n) => strip(n));
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [k, v] of Object.entries(node)) {
    if (parentKey !== 'properties' && DROP.includes(k)) continue;
    out[k] = strip(v, k);
  }
  return out;
}

const out = strip(doc);
const decisions = [];
const errorRef = { $ref: '#/components/schemas/HumanitecErrorResponse' };

// D1: some 404 bodies are typed as a bare string upstream; the mock uses the
// spec's HumanitecErrorResponse for those, except getSet, getDiff and getDelta,
// whose 404 it answers as the spec types it (a JSON string: the message; issue 19 §6).
const STRING_404 = ['getSet', 'getDiff', 'getDelta'];
for (const [path, ops] of Object.entries(out.paths)) {
  for (const [method, op] of Object.entries(ops)) {
    const media = op?.responses?.['404']?.content?.['application/json'];
    if (
      media?.schema?.type === 'string' &&
      !STRING_404.includes(op.operationId)
    ) {
      media.schema = errorRef;
      decisions.push(
        `D1 ${method.toUpperCase()} ${path} 404: string -> HumanitecErrorResponse`,
      );
    }
  }
}
// D2/D3: `required` names that are not properties.
const fixRequired = (name, from, to) => {
  const s = out.components.schemas[name];
  s.required = s.required.flatMap((r) => (r === from ? (to ? [to] : []) : [r]));
  decisions.push(`D2 ${name}.required: ${from} -> ${to ?? '(removed)'}`);
};
fixRequired('RuntimeInfoContainerStatus', 'restartCount', 'restart_count');
fixRequired('WorkloadProfileVersionResponse', 'version', null);
fixRequired('PipelineJobPartial', 'name', null);

out.info = {
  title: 'Humanitec API (console subset, facts only)',
  version: doc.info.version,
  license: {
    name: 'Apache-2.0',
    url: 'https://www.apache.org/licenses/LICENSE-2.0',
  },
  'x-source':
    'github.com/humanitec/humanitec-ts-autogen docs/openapi.json @ f10d5a9fd3f6a96f99396ab1835b46ecfa0be2a7',
  'x-trim-fixups': doc.info['x-trim-fixups'],
  'x-console-decisions': decisions,
};
delete out.tags;

const header = `# Humanitec API, console subset: facts only (paths, parameters, schemas, enums).
# Source: github.com/humanitec/humanitec-ts-autogen docs/openapi.json
#         @ f10d5a9fd3f6a96f99396ab1835b46ecfa0be2a7 (API ${doc.info.version}).
# Licence: Apache-2.0 (LICENSE.humanitec-api.txt beside this file).
# Derived by mocks/scripts/trim-spec.mjs: descriptions and examples dropped;
# the contradictions we resolved are listed in info.x-console-decisions.
`;
writeFileSync(
  'src/api/openapi/humanitec.yaml',
  header + YAML.stringify(out, { lineWidth: 0 }),
);
console.log(decisions.length, 'decisions applied');
