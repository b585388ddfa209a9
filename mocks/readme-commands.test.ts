// README's commands, run as written. Every ```sh block and every inline `npm …`
// / `curl …` command of README.md is extracted, in document order (inline ones
// after the blocks: they assume the `login` of the CLI block), and:
// - curl and `npm run cli -- …` commands run in bash against a real `npm run api`
//   (a free port, a temporary data file, a private config dir) and must exit 0;
//   `127.0.0.1:4010` is replaced with that server's address and curl gets
//   --fail, so an HTTP error fails the command too;
// - `npm run api -- …` commands start with their flags (on port 0 and a
//   temporary data file) and must come up listening;
// - other long-running or heavy commands (npm start, npm test, npm run bench …)
//   are not run: their scripts must exist in package.json, their `--flags` must
//   be known to the script's entry file, the files they name must exist and the
//   VITE_* variables they set must be read somewhere.
// Also: README links and repository paths point inside the repository.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiServerArgs } from './testing/api-process';

const ROOT = resolve(import.meta.dirname, '..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
const PACKAGE = JSON.parse(
  readFileSync(join(ROOT, 'package.json'), 'utf8'),
) as { scripts: Record<string, string> };
const dir = mkdtempSync(join(tmpdir(), 'readme-commands-'));
const servers: ChildProcess[] = [];
let apiUrl = '';

/** The ```sh blocks of a Markdown text. */
function shellBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```$/gm)].map(
    (m) => m[1],
  );
}

/** The commands of a block: `\` continuations joined, heredocs kept with their command, comment lines dropped. */
function commandsOf(block: string): string[] {
  const lines = block.split('\n');
  const commands: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    let command = lines[i];
    if (!command.trim() || command.trim().startsWith('#')) continue;
    while (command.endsWith('\\') && i + 1 < lines.length)
      command = `${command.slice(0, -1)} ${lines[++i].trim()}`;
    const heredoc = /<<-?\s*['"]?(\w+)['"]?/.exec(command);
    if (heredoc) {
      while (i + 1 < lines.length) {
        command += `\n${lines[++i]}`;
        if (lines[i].trim() === heredoc[1]) break;
      }
    }
    commands.push(command);
  }
  return commands;
}

/** Inline code spans outside the code blocks that are commands (`npm …`, `curl …`, with leading VAR=value). */
function inlineCommands(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '');
  return [...prose.matchAll(/`([^`\n]+)`/g)]
    .map((m) => m[1].trim())
    .filter((span) =>
      /^(?:[A-Z_][A-Z0-9_]*=\S+\s+)*(?:npm|npx|curl|platform-console)\s/.test(
        span,
      ),
    );
}

type Plan =
  | { kind: 'run'; command: string }
  | { kind: 'server'; args: string[] }
  | { kind: 'check'; problems: string[] };

const BUILTIN_NPM = new Set(['install', 'ci', 'link', 'i']);

/** The words of a simple command line (quotes removed; no expansion). */
const words = (line: string) =>
  [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );

/** What the test does with one README command. */
function planFor(command: string): Plan {
  const line = command.split('#')[0].trim();
  if (/\bnpm run api\b/.test(line)) {
    const tokens = words(line.replace(/&\s*$/, ''));
    return {
      kind: 'server',
      args: tokens.includes('--') ? tokens.slice(tokens.indexOf('--') + 1) : [],
    };
  }
  if (/^curl\s/.test(line) || /\bnpm run cli\b/.test(line))
    return { kind: 'run', command };
  // Not run here: each part of `a && b` must name a script, file and flags that exist.
  const problems: string[] = [];
  for (const part of line.split(/\s*&&\s*|\s*;\s*/)) {
    const tokens = words(part);
    while (tokens.length && /^[A-Z_][A-Z0-9_]*=/.test(tokens[0])) {
      const name = tokens.shift()!.split('=')[0];
      if (!isReadSomewhere(name))
        problems.push(`${name} is not read by the console`);
    }
    const [program, ...rest] = tokens;
    if (program === 'npm') {
      const script = rest[0] === 'run' ? rest[1] : rest[0];
      if (rest[0] !== 'run' && BUILTIN_NPM.has(script)) continue;
      const body = PACKAGE.scripts[script];
      if (!body) {
        problems.push(`package.json has no script "${script}"`);
        continue;
      }
      const flags = rest
        .slice(rest.indexOf('--') + 1)
        .filter((t) => rest.includes('--') && t.startsWith('--'));
      const entry = words(body).find(
        (t) => /\.(m?[jt]s)$/.test(t) && existsSync(join(ROOT, t)),
      );
      for (const flag of flags) {
        const name = flag.replace(/=.*$/, '').replace(/^--/, '');
        if (!entry || !readFileSync(join(ROOT, entry), 'utf8').includes(name))
          problems.push(`${flag} is not an option of "${body}"`);
      }
    } else if (program === 'bash') {
      if (!existsSync(join(ROOT, rest[0] ?? '')))
        problems.push(`${rest[0]} does not exist`);
    } else if (program !== 'echo') {
      problems.push(
        `no rule to check "${part}": run it here or teach this test how to check it`,
      );
    }
  }
  return { kind: 'check', problems };
}

function isReadSomewhere(name: string): boolean {
  const files = ['vite.config.ts', 'src/config/env.ts', 'src/main.tsx'];
  return files.some(
    (f) =>
      existsSync(join(ROOT, f)) &&
      readFileSync(join(ROOT, f), 'utf8').includes(name),
  );
}

/** Runs a command line in bash from the repository root; `127.0.0.1:4010` becomes the test's server. */
function runInBash(command: string): Promise<{ code: number; out: string }> {
  const address = apiUrl.replace(/^http:\/\//, '');
  const line = command
    .replaceAll('127.0.0.1:4010', address)
    .replaceAll('localhost:4010', address)
    .replace(/^curl\s/, 'curl --fail --silent --show-error ');
  return new Promise((done) => {
    execFile(
      'bash',
      ['-c', line],
      {
        cwd: ROOT,
        timeout: 120_000,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: dir,
          XDG_CONFIG_HOME: join(dir, 'config'),
        },
      },
      (error, stdout, stderr) =>
        done({
          code: error ? Number(error.code ?? 1) : 0,
          out: `${line}\n${stdout}${stderr}`,
        }),
    );
  });
}

/** Starts `npm run api -- <args>` (port 0, data in the temp dir) and resolves with the URL it listens on. */
function startApi(args: string[], via: 'npm' | 'node'): Promise<string> {
  const own = [...args];
  const at = (flag: string) =>
    own.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
  const set = (flag: string, value: string) => {
    const i = at(flag);
    if (i < 0) own.push(flag, value);
    else if (own[i].includes('=')) own[i] = `${flag}=${value}`;
    else own[i + 1] = value;
  };
  set('--port', '0');
  set('--data', join(dir, `api-${servers.length}.json`));
  const child =
    via === 'npm'
      ? spawn('npm', ['run', '--silent', 'api', '--', ...own], {
          cwd: ROOT,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(process.execPath, apiServerArgs(...own), {
          cwd: ROOT,
          detached: true,
          stdio: ['ignore', 'pipe', 'pipe'],
        });
  servers.push(child);
  return new Promise<string>((found, fail) => {
    let text = '';
    const timer = setTimeout(
      () =>
        fail(
          new Error(`npm run api -- ${args.join(' ')} did not start: ${text}`),
        ),
      90_000,
    );
    const read = (chunk: Buffer) => {
      text += chunk.toString();
      const match = /Mock Humanitec API: (http:\/\/127\.0\.0\.1:\d+)/.exec(
        text,
      );
      if (match) {
        clearTimeout(timer);
        found(match[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      fail(
        new Error(
          `npm run api -- ${args.join(' ')} exited with ${code}: ${text}`,
        ),
      );
    });
  });
}

/** Stops a server and everything it started (npm, sh, node: one process group). */
function stop(child: ChildProcess) {
  child.removeAllListeners('exit');
  if (child.exitCode !== null || child.signalCode !== null || !child.pid)
    return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

/** Each distinct command once, in the order README shows them. */
const commands = [
  ...new Set([
    ...shellBlocks(README).flatMap(commandsOf),
    ...inlineCommands(README),
  ]),
];

beforeAll(async () => {
  apiUrl = await startApi([], 'node');
}, 120_000);

afterAll(() => {
  servers.forEach(stop);
  rmSync(dir, { recursive: true, force: true });
});

describe('README commands', () => {
  it('finds the commands (the sh blocks and the inline ones)', () => {
    expect(commands).toContain('npm install && npm start');
    expect(commands).toContain('npm run cli -- status acme/shop/production');
    expect(commands.some((c) => c.startsWith('curl '))).toBe(true);
  });

  for (const command of commands) {
    it(`runs as written: ${command.split('\n')[0]}`, async () => {
      const plan = planFor(command);
      if (plan.kind === 'check') return expect(plan.problems).toEqual([]);
      if (plan.kind === 'server') {
        const url = await startApi(plan.args, 'npm');
        // With --tokens the administrator's secret replaces the public demo token, which is then refused.
        const tokens = plan.args.find(
          (_, i) => plan.args[i - 1] === '--tokens',
        );
        const secret = /administrator=([^,]+)/.exec(tokens ?? '')?.[1];
        const answer = (token: string) =>
          fetch(`${url}/orgs/acme/apps`, {
            headers: { Authorization: `Bearer ${token}` },
          });
        expect((await answer(secret ?? 'hum_demo_admin_token')).status).toBe(
          200,
        );
        if (secret)
          expect((await answer('hum_demo_admin_token')).status).toBe(401);
        stop(servers.at(-1)!);
        return;
      }
      const result = await runInBash(plan.command);
      expect(result, result.out).toMatchObject({ code: 0 });
    }, 150_000);
  }
});

describe('README stands alone', () => {
  const headings = new Set(
    [...README.matchAll(/^#+\s+(.+)$/gm)].map((m) =>
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\w\s-]/g, '')
        .replace(/\s/g, '-'),
    ),
  );

  it('links and images point inside the repository (or to a heading)', () => {
    const broken: string[] = [];
    for (const [, target] of README.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^https?:\/\//.test(target)) continue;
      if (target.startsWith('#')) {
        if (!headings.has(target.slice(1))) broken.push(target);
        continue;
      }
      const path = resolve(ROOT, target.split('#')[0]);
      if (relative(ROOT, path).startsWith('..') || !existsSync(path))
        broken.push(target);
    }
    expect(broken).toEqual([]);
  });

  it('names no file outside the repository, and every repository path it names exists', () => {
    const spans = [...README.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]);
    expect(spans.filter((s) => /(^|\s)\.\.\//.test(s))).toEqual([]);
    const paths = spans.filter(
      (s) =>
        /^(src|mocks|e2e|public|\.ci)\/[\w./-]*$/.test(s) &&
        !s.includes('.output') &&
        !s.includes('*'),
    );
    expect(paths.length).toBeGreaterThan(10);
    expect(
      paths.filter((p) => !existsSync(join(ROOT, p.replace(/\.\.\.$/, '')))),
    ).toEqual([]);
  });
});
