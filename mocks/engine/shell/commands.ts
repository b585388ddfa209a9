/**
 * The simulated shell's command interpreter: one command line in, what a
 * POSIX shell in the container would write out. Pure over a
 * {@link ContainerView}: the answers come from the engine's state (the
 * container's variables and files, the pod, the environment's services and
 * resources). A workload's container has the usual tools (`curl`); a debug
 * container is busybox (`wget`, no `curl`) sharing the pod's process
 * namespace, so it sees the target's process and its files under
 * `/proc/1/root`, and `logs` shows the target's last lines. Secret values are
 * masked unless the line asks to reveal them (`env --reveal`) and the caller
 * may (checked by the methods before `reveal` is honoured).
 */
import { CLUSTER_DOMAIN, type ContainerView, type ShellHost } from './view';

/** What one line answers. */
export interface CommandAnswer {
  output: string;
  exit_code: number;
  /** `exit` was run. */
  exit?: boolean;
}

/** The longest command line taken. */
export const MAX_COMMAND_LENGTH = 4096;

/** The mask a secret value is shown as. */
export const SECRET_MASK = '********';

/** The name of the ephemeral debug container. */
export const DEBUG_CONTAINER = 'debugger';

/** The tools of a busybox debug container that this shell answers. */
const DEBUG_ONLY = new Set(['wget', 'logs']);
/** The tools only the workload's own container has. */
const CONTAINER_ONLY = new Set(['curl']);

type Command = (view: ContainerView, args: string[]) => CommandAnswer;

const ok = (lines: string[] | string): CommandAnswer => ({
  output: joinLines(lines),
  exit_code: 0,
});
const fail = (lines: string[] | string, code = 1): CommandAnswer => ({
  output: joinLines(lines),
  exit_code: code,
});

function joinLines(lines: string[] | string): string {
  const all = Array.isArray(lines) ? lines : [lines];
  return all.length === 0 ? '' : `${all.join('\n')}\n`;
}

/** Splits a command line into words: whitespace separates, '…' and "…" quote. */
export function splitWords(line: string): string[] | { error: string } {
  const words: string[] = [];
  let word: string | undefined;
  let quote: '"' | "'" | undefined;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else word = (word ?? '') + ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      word = word ?? '';
    } else if (/\s/.test(ch)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else word = (word ?? '') + ch;
  }
  if (quote) return { error: `sh: syntax error: unterminated quoted string` };
  if (word !== undefined) words.push(word);
  return words;
}

/** The shell's own variables, before the workload's. */
function baseVariables(view: ContainerView): [string, string][] {
  return [
    ['HOSTNAME', view.podName],
    ['HOME', '/root'],
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['KUBERNETES_SERVICE_HOST', '10.96.0.1'],
    ['KUBERNETES_SERVICE_PORT', '443'],
  ];
}

/** `NAME=value` lines of the container's variables, secrets masked unless revealed. */
function variableLines(view: ContainerView, reveal: boolean): string[] {
  const lines = baseVariables(view).map(([k, v]) => `${k}=${v}`);
  let masked = 0;
  for (const [name, value] of view.variables(reveal)) {
    const hidden = value.secret && (!reveal || value.missing.length > 0);
    if (hidden) masked += 1;
    lines.push(`${name}=${hidden ? SECRET_MASK : value.text}`);
  }
  if (masked > 0)
    lines.push(
      reveal
        ? `# ${masked} secret value(s) have no value the engine can show (a resource's secret outputs stay in its secret store)`
        : `# ${masked} secret value(s) masked; 'env --reveal' shows them`,
    );
  return lines;
}

const env: Command = (view, args) => {
  const reveal = args.includes('--reveal');
  const unknown = args.find((a) => a !== '--reveal');
  if (unknown !== undefined)
    return fail(
      `env: unrecognized option '${unknown}' (this shell's env takes only --reveal)`,
    );
  if (view.kind === 'debug')
    return ok([
      ...baseVariables(view).map(([k, v]) => `${k}=${v}`),
      `# the target container's variables: cat /proc/1/environ`,
    ]);
  return ok(variableLines(view, reveal));
};

const printenv: Command = (view, args) => {
  if (args.length === 0) return env(view, []);
  const all = new Map(
    variableLines(view, false)
      .filter((l) => !l.startsWith('#'))
      .map((l) => {
        const at = l.indexOf('=');
        return [l.slice(0, at), l.slice(at + 1)] as const;
      }),
  );
  const found = args.filter((a) => all.has(a)).map((a) => all.get(a)!);
  return found.length === args.length ? ok(found) : fail(found);
};

/** The files the shell can read: the container's (under /proc/1/root in a debug container) and a few of the system's. */
function fileSystem(
  view: ContainerView,
  reveal: boolean,
): Map<string, { text: string; secret: boolean; missing: string[] }> {
  const files = new Map<
    string,
    { text: string; secret: boolean; missing: string[] }
  >();
  const plain = (t: string) => ({ text: t, secret: false, missing: [] });
  const system: [string, string][] = [
    ['/etc/hostname', `${view.podName}\n`],
    [
      '/etc/resolv.conf',
      `search ${view.namespace}.${CLUSTER_DOMAIN} ${CLUSTER_DOMAIN} cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
    ],
    ['/etc/os-release', 'NAME="Simulated Linux"\nID=sim\n'],
  ];
  for (const [p, t] of system) files.set(p, plain(t));
  const prefix = view.kind === 'debug' ? '/proc/1/root' : '';
  for (const [path, file] of view.files(reveal))
    files.set(
      `${prefix}${path}`,
      file.binary
        ? plain('(binary file: base64 content not shown)\n')
        : file.content,
    );
  if (view.kind === 'debug') {
    const lines = variableLines(view, reveal).filter((l) => !l.startsWith('#'));
    files.set('/proc/1/environ', plain(`${lines.join('\n')}\n`));
    files.set('/proc/1/cmdline', plain(`${view.target.command}\n`));
  }
  return files;
}

/** Absolute, normalised form of `path` (the working directory is `/`). */
function absolute(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return `/${parts.join('/')}`;
}

const ls: Command = (view, args) => {
  const long = args.some((a) => /^-\w*l/.test(a));
  const targets = args.filter((a) => !a.startsWith('-'));
  const files = fileSystem(view, false);
  const out: string[] = [];
  let code = 0;
  for (const target of targets.length > 0 ? targets : ['/']) {
    const path = absolute(target);
    if (files.has(path)) {
      out.push(long ? `-rw-r--r--    1 root     root  ${path}` : path);
      continue;
    }
    const below = path === '/' ? '/' : `${path}/`;
    const children = new Set<string>();
    for (const file of files.keys())
      if (file.startsWith(below))
        children.add(file.slice(below.length).split('/')[0]);
    if (children.size === 0) {
      out.push(`ls: ${target}: No such file or directory`);
      code = 1;
      continue;
    }
    if (targets.length > 1) out.push(`${target}:`);
    for (const child of [...children].sort()) {
      const isFile = files.has(`${below}${child}`);
      out.push(
        long
          ? `${isFile ? '-rw-r--r--' : 'drwxr-xr-x'}    1 root     root  ${child}`
          : isFile
            ? child
            : `${child}/`,
      );
    }
  }
  return { output: joinLines(out), exit_code: code };
};

const cat: Command = (view, args) => {
  if (args.length === 0) return fail('cat: no file given (usage: cat FILE...)');
  const reveal = args.includes('--reveal');
  const files = fileSystem(view, reveal);
  let output = '';
  let code = 0;
  for (const arg of args.filter((a) => a !== '--reveal')) {
    const path = absolute(arg);
    const file = files.get(path);
    if (!file) {
      const isDir = [...files.keys()].some((f) => f.startsWith(`${path}/`));
      output += `cat: read error: ${isDir ? 'Is a directory' : `can't open '${arg}': No such file or directory`}\n`;
      code = 1;
    } else if (file.secret && (!reveal || file.missing.length > 0)) {
      output += `cat: ${arg}: holds secret values (masked; 'cat --reveal ${arg}' shows them)\n`;
      code = 1;
    } else output += file.text.endsWith('\n') ? file.text : `${file.text}\n`;
  }
  return { output, exit_code: code };
};

function stateNote(view: ContainerView): string | undefined {
  const { state, restart_count } = view.target.status;
  if (state.running) return undefined;
  const why =
    state.waiting?.reason ?? state.terminated?.reason ?? 'not running';
  const last = view.target.status.last_state?.terminated;
  return `# ${view.containerId} is ${why}${state.waiting?.message ? ` (${state.waiting.message})` : ''}; restarts: ${restart_count}${last ? `, last exit code ${last.exit_code ?? '?'}` : ''}`;
}

const ps: Command = (view) => {
  const row = (pid: number, cmd: string) =>
    `${String(pid).padStart(5)} root      0:00 ${cmd}`;
  const lines = ['  PID USER     TIME  COMMAND'];
  const running = Boolean(view.target.status.state.running);
  if (view.kind === 'container') {
    lines.push(row(1, view.target.command), row(7, 'sh'), row(12, 'ps'));
    return ok(lines);
  }
  if (running) lines.push(row(1, view.target.command));
  else
    lines.push(
      `    1 root      0:00 [${view.target.command.split(' ')[0]}] <defunct>`,
    );
  lines.push(row(9, 'sh'), row(15, 'ps'));
  const note = stateNote(view);
  return ok(note ? [...lines, note] : lines);
};

const hostname: Command = (view) => ok(view.podName);

/** The host a name resolves to from inside the pod (short names, with the namespace, FQDNs and resource hosts). */
function lookup(view: ContainerView, name: string): ShellHost | undefined {
  const bare = name.replace(/\.$/, '');
  return view.hosts.get(bare);
}

const nslookup: Command = (view, args) => {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) return fail('Usage: nslookup HOST');
  const server = ['Server:\t\t10.96.0.10', 'Address:\t10.96.0.10:53', ''];
  const host = lookup(view, name);
  if (!host)
    return fail([...server, `** server can't find ${name}: NXDOMAIN`, '']);
  return ok([
    ...server,
    ...(host.kind === 'resource' ? ['Non-authoritative answer:'] : []),
    `Name:\t${host.fqdn}`,
    `Address: ${host.address}`,
    '',
  ]);
};

/** `scheme://host[:port][/path]` → its parts; undefined when it is no URL. */
function parseUrl(raw: string) {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^?#]*)/.exec(raw);
  if (!m || m[2] === '') return undefined;
  const scheme = m[1] ?? 'http';
  return {
    scheme,
    host: m[2],
    port: m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80,
    path: m[4] || '/',
  };
}

/** What an HTTP GET of `raw` answers from inside the pod: [status line, body] or a connection error. */
function httpGet(
  view: ContainerView,
  raw: string,
):
  | { status: number; body: string; host: ShellHost }
  | { error: 'resolve' | 'refused' | 'empty'; host?: string; port?: number } {
  const url = parseUrl(raw);
  if (!url) return { error: 'resolve', host: raw };
  const host = lookup(view, url.host);
  if (!host) return { error: 'resolve', host: url.host };
  const listens = host.ports.length === 0 || host.ports.includes(url.port);
  if (!host.up || !listens)
    return { error: 'refused', host: url.host, port: url.port };
  if (host.kind === 'resource' && !['s3', 'dns'].includes(host.type ?? ''))
    return { error: 'empty', host: url.host, port: url.port };
  return {
    status: 200,
    host,
    body:
      host.kind === 'service'
        ? JSON.stringify({
            status: 'ok',
            service: host.id,
            path: url.path,
          })
        : JSON.stringify({ resource: host.id, type: host.type }),
  };
}

const curl: Command = (view, args) => {
  const target = args.find((a) => !a.startsWith('-'));
  if (!target)
    return fail(
      "curl: no URL specified!\ncurl: try 'curl --help' for more information",
      2,
    );
  const headers = args.includes('-i') || args.includes('-v');
  const answer = httpGet(view, target);
  if ('error' in answer) {
    if (answer.error === 'resolve')
      return fail(`curl: (6) Could not resolve host: ${answer.host}`, 6);
    if (answer.error === 'refused')
      return fail(
        `curl: (7) Failed to connect to ${answer.host} port ${answer.port}: Connection refused`,
        7,
      );
    return fail('curl: (52) Empty reply from server', 52);
  }
  const head = [
    'HTTP/1.1 200 OK',
    'content-type: application/json',
    `content-length: ${answer.body.length}`,
    '',
  ];
  return ok(headers ? [...head, answer.body] : answer.body);
};

const wget: Command = (view, args) => {
  const target = args.find((a) => !a.startsWith('-') && a !== '-');
  if (!target) return fail('BusyBox wget: no URL given (usage: wget -qO- URL)');
  const answer = httpGet(view, target);
  if ('error' in answer) {
    if (answer.error === 'resolve')
      return fail(`wget: bad address '${answer.host}'`);
    if (answer.error === 'refused')
      return fail(`wget: can't connect to remote host: Connection refused`);
    return fail('wget: error getting response');
  }
  return ok(answer.body);
};

const logs: Command = (view, args) => {
  const n = args.indexOf('-n');
  const limit = n >= 0 ? Number(args[n + 1]) : 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    return fail('logs: -n takes a whole number from 1 to 1000');
  return ok([
    `# last ${limit} lines of ${view.containerId} in ${view.podName} (as kubectl logs --previous)`,
    ...view.lastLogs(limit),
  ]);
};

const echo: Command = (_view, args) => ok(args.join(' '));
const pwd: Command = () => ok('/');
const whoami: Command = () => ok('root');

function helpText(view: ContainerView): string[] {
  const common = [
    'env [--reveal]      the variables (secret values masked unless --reveal)',
    'printenv NAME...    one variable',
    'ls [-l] [PATH]      the mounted files',
    'cat [--reveal] FILE a file',
    'ps                  the processes',
    'hostname            the pod name',
    'nslookup HOST       resolve a service or resource host',
  ];
  const own =
    view.kind === 'debug'
      ? [
          'wget -qO- URL       fetch a URL (busybox has no curl)',
          "logs [-n N]         the target's last log lines",
          "cat /proc/1/environ the target's variables (masked)",
          "ls /proc/1/root     the target's files",
        ]
      : ['curl [-i] URL       fetch a URL'];
  return [
    view.kind === 'debug'
      ? `Simulated busybox debug container '${DEBUG_CONTAINER}' targeting ${view.containerId} in pod ${view.podName}.`
      : `Simulated shell in container ${view.containerId} of pod ${view.podName}.`,
    'Commands:',
    ...[...common, ...own, 'echo, pwd, whoami, help, exit'].map(
      (l) => `  ${l}`,
    ),
  ];
}

const COMMANDS: Record<string, Command> = {
  env,
  printenv,
  ls,
  cat,
  ps,
  hostname,
  nslookup,
  curl,
  wget,
  logs,
  echo,
  pwd,
  whoami,
  help: (view) => ok(helpText(view)),
};

/** The names the help lists for a shell of `kind` (for the README and the tests). */
export function commandNames(kind: ContainerView['kind']): string[] {
  return [...Object.keys(COMMANDS), 'exit']
    .filter((n) => !(kind === 'debug' ? CONTAINER_ONLY : DEBUG_ONLY).has(n))
    .sort();
}

/** Runs one command line in the view's container. */
export function runLine(view: ContainerView, line: string): CommandAnswer {
  const words = splitWords(line);
  if (!Array.isArray(words)) return fail(words.error, 2);
  if (words.length === 0) return { output: '', exit_code: 0 };
  if (/[|;&<>`$]/.test(line.replace(/'[^']*'|"[^"]*"/g, '')))
    return fail(
      'sh: pipes, redirections, variables and command lists are not simulated: run one command at a time',
      2,
    );
  const [name, ...args] = words;
  if (name === 'exit') return { output: '', exit_code: 0, exit: true };
  const unavailable =
    (view.kind === 'debug' ? CONTAINER_ONLY : DEBUG_ONLY).has(name) ||
    !Object.hasOwn(COMMANDS, name);
  if (unavailable) return fail(`sh: ${name}: not found`, 127);
  return COMMANDS[name](view, args);
}
