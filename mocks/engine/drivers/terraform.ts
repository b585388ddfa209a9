/**
 * The simulated Terraform of `humanitec/terraform`: no Terraform runs. The
 * driver reads the declarations of an inline script (`values.script`) with a
 * few patterns (`resource "t" "n"`, `variable "v" { default = … }`,
 * `output "o" { value = var.v | "text", sensitive = true }`), refuses a
 * required variable without a value as Terraform would, and writes the plan
 * and apply log a real run prints. Outputs are the script's outputs, or,
 * without any, its variables (secret variables as secret outputs).
 */
import type { Json, JsonObject } from '../core/model/spec';
import type { DriverOutputs } from './inputs';

type TerraformResult =
  { ok: true; outputs: DriverOutputs } | { ok: false; message: string };

interface Declarations {
  resources: string[];
  variables: { name: string; required: boolean; default?: Json }[];
  outputs: { name: string; from: string; sensitive: boolean }[];
}

/** Blocks `kind "a" "b" { body }` of a script (one level of braces inside is enough for the patterns read). */
function blocks(script: string, kind: string) {
  const found: { labels: string[]; body: string }[] = [];
  const pattern = new RegExp(
    `(?:^|\\n)\\s*${kind}((?:\\s+"[^"\\n]*")+)\\s*\\{`,
    'g',
  );
  for (const match of script.matchAll(pattern)) {
    const start = match.index + match[0].length;
    let depth = 1;
    let end = start;
    while (end < script.length && depth > 0) {
      if (script[end] === '{') depth += 1;
      if (script[end] === '}') depth -= 1;
      end += 1;
    }
    const labels = [...match[1].matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    found.push({ labels, body: script.slice(start, end - 1) });
  }
  return found;
}

function declarations(script: string): Declarations {
  return {
    resources: blocks(script, 'resource')
      .filter((b) => b.labels.length === 2)
      .map((b) => `${b.labels[0]}.${b.labels[1]}`),
    variables: blocks(script, 'variable').map((b) => ({
      name: b.labels[0],
      required: !/(^|\n)\s*default\s*=/.test(b.body),
      default: literalDefault(b.body),
    })),
    outputs: blocks(script, 'output').map((b) => ({
      name: b.labels[0],
      from: /(?:^|\n)\s*value\s*=\s*([^\n]+)/.exec(b.body)?.[1].trim() ?? '',
      sensitive: /(?:^|\n)\s*sensitive\s*=\s*true/.test(b.body),
    })),
  };
}

/** A variable's default when it is a literal string, number or boolean. */
function literalDefault(body: string): Json | undefined {
  const match =
    /(?:^|\n)\s*default\s*=\s*("([^"]*)"|-?\d+(?:\.\d+)?|true|false)\s*(?:\n|$)/.exec(
      body,
    );
  if (!match) return undefined;
  if (match[2] !== undefined) return match[2];
  return JSON.parse(match[1]) as Json;
}

function objectOr(value: Json | undefined): JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? value
    : {};
}

/** Runs the simulation; appends the plan and apply to `log` (never a secret's value). */
export function runTerraform(
  values: JsonObject,
  secrets: JsonObject,
  log: string[],
): TerraformResult {
  const script = typeof values.script === 'string' ? values.script : '';
  const source = objectOr(values.source);
  const plain = objectOr(values.variables);
  const hidden = objectOr(secrets.variables);
  const found = declarations(script);
  log.push(
    'Initializing the backend...',
    typeof source.url === 'string'
      ? `Initializing modules from ${source.url}${typeof source.path === 'string' ? `//${source.path}` : ''}...`
      : 'Initializing provider plugins...',
    'Terraform has been successfully initialized!',
  );
  for (const variable of found.variables) {
    if (
      variable.required &&
      !Object.hasOwn(plain, variable.name) &&
      !Object.hasOwn(hidden, variable.name)
    ) {
      return {
        ok: false,
        message: `Terraform: no value for required variable "${variable.name}": set it in \`values.variables\` (or \`secrets.variables\` for a secret).`,
      };
    }
  }
  const resources =
    found.resources.length > 0 ? found.resources : ['module.main'];
  log.push('Terraform will perform the following actions:');
  for (const address of resources) {
    log.push(`  # ${address} will be created`);
    const [type, name] = address.split('.');
    log.push(`  + resource "${type}" "${name}" {}`);
  }
  log.push(`Plan: ${resources.length} to add, 0 to change, 0 to destroy.`);
  for (const address of resources)
    log.push(`${address}: Creating...`, `${address}: Creation complete`);
  log.push(
    `Apply complete! Resources: ${resources.length} added, 0 changed, 0 destroyed.`,
  );
  const outputs = outputsOf(found, plain, hidden);
  if (typeof outputs === 'string') return { ok: false, message: outputs };
  const names = [
    ...Object.keys(outputs.values).map(
      (k) => `${k} = ${JSON.stringify(outputs.values[k])}`,
    ),
    ...Object.keys(outputs.secrets).map((k) => `${k} = <sensitive>`),
  ];
  if (names.length > 0) log.push('Outputs:', ...names.map((n) => `  ${n}`));
  return { ok: true, outputs };
}

/** The outputs a run gives: the declared ones, or the variables when none is declared. */
function outputsOf(
  found: Declarations,
  plain: JsonObject,
  hidden: JsonObject,
): DriverOutputs | string {
  if (found.outputs.length === 0)
    return { values: structuredClone(plain), secrets: structuredClone(hidden) };
  const outputs: DriverOutputs = { values: {}, secrets: {} };
  const defaults = new Map<string, Json>();
  for (const variable of found.variables)
    if (variable.default !== undefined)
      defaults.set(variable.name, variable.default);
  for (const output of found.outputs) {
    const variable = /^var\.([A-Za-z0-9_-]+)$/.exec(output.from);
    const literal = /^"([^"]*)"$/.exec(output.from);
    let value: Json;
    let secret = output.sensitive;
    if (variable) {
      const name = variable[1];
      if (Object.hasOwn(hidden, name)) {
        value = hidden[name];
        secret = true;
      } else if (Object.hasOwn(plain, name)) value = plain[name];
      else if (defaults.has(name)) value = defaults.get(name)!;
      else
        return `Terraform: output "${output.name}" reads var.${name}, which is neither declared with a default nor set in the variables.`;
    } else if (literal) value = literal[1];
    else
      return `Terraform (simulated): output "${output.name}" must be var.<name> or a "quoted string"; other expressions are not simulated.`;
    (secret ? outputs.secrets : outputs.values)[output.name] = value;
  }
  return outputs;
}
