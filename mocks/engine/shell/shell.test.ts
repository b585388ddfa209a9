import { describe, expect, it } from 'vitest';
import type { Actor } from '../core/context';
import type { DeltaInput } from '../core/model/spec';
import {
  deployAndFinish,
  ORG,
  refusal,
  type Bench,
} from '../../fixtures/test-engine';
import { localRunBench, VALUE_SECRET } from '../../fixtures/test-local-run';
import { commandNames, splitWords } from './commands';
import type { ShellSession } from './model';

/** A shell into shop/development's `api` (every resource kind, values plain and secret). */
function opened(b = localRunBench(), actor: Actor = b.dev, debug = false) {
  const session = b.engine.openShellSession(
    actor,
    ORG,
    'shop',
    'development',
    'api',
    { container_id: 'main', ...(debug ? { debug } : {}) },
  );
  const run = (command: string, who: Actor = actor) =>
    b.engine.runShellCommand(
      who,
      ORG,
      'shop',
      'development',
      session.id,
      command,
    );
  return { b, session, run };
}

/** shop/development's `api` crash-looping (CRASH=true) for three minutes. */
function crashLooping(b: Bench): void {
  const delta: DeltaInput = {
    modules: {
      update: {
        api: [
          {
            op: 'add',
            path: '/spec/containers/main/variables/CRASH',
            value: 'true',
          },
        ],
      },
    },
  };
  deployAndFinish(b, 'shop', 'development', delta);
  b.clock.advance(3 * 60_000);
}

describe('a shell in a running container', () => {
  it('opens in the first pod where the container runs, with a prompt and the command set', () => {
    const { session } = opened();
    expect(session).toMatchObject<Partial<ShellSession>>({
      kind: 'container',
      workload_id: 'api',
      container_id: 'main',
      namespace: 'shop-development',
      prompt: '/ # ',
    });
    expect(session.pod_name).toMatch(/^api-/);
    expect(session.banner).toContain(commandNames('container').join(', '));
  });

  it('hostname is the pod name; ps shows the main process, sh and ps', () => {
    const { session, run } = opened();
    expect(run('hostname')).toEqual({
      output: `${session.pod_name}\n`,
      exit_code: 0,
      closed: false,
    });
    const ps = run('ps').output.split('\n');
    expect(ps[0]).toMatch(/PID\s+USER\s+TIME\s+COMMAND/);
    expect(ps[1]).toMatch(/^\s+1 root .*entrypoint of reg\/api:1/);
    expect(ps.slice(2, 4).map((l) => l.trim().split(/\s+/).pop())).toEqual([
      'sh',
      'ps',
    ]);
  });

  it('env gives the resolved variables with secret values masked; --reveal shows what may be read', () => {
    const { session, run } = opened();
    const env = run('env').output;
    expect(env).toContain(`HOSTNAME=${session.pod_name}\n`);
    expect(env).toContain('WHERE=shop/development\n');
    expect(env).toContain('LOG_LEVEL=debug\n');
    expect(env).toMatch(/^DB_URL=postgres:\/\/\S+:5432\/\S+$/m);
    expect(env).toContain('API_KEY=********\n');
    expect(env).not.toContain(VALUE_SECRET);
    expect(env).toMatch(/secret value\(s\) masked; 'env --reveal'/);
    const revealed = run('env --reveal').output;
    expect(revealed).toContain(`API_KEY=${VALUE_SECRET}\n`);
    // A resource's secret output has no value the engine keeps: still masked.
    expect(revealed).toContain('DB_PASSWORD=********\n');
    expect(run('printenv LOG_LEVEL WHERE').output).toBe(
      'debug\nshop/development\n',
    );
    expect(run('printenv API_KEY').output).toBe('********\n');
    expect(run('env -x')).toMatchObject({ exit_code: 1 });
  });

  it('ls and cat read the mounted files and the system files', () => {
    const { session, run } = opened();
    expect(run('ls').output.split('\n')).toEqual(['etc/', '']);
    expect(run('ls /etc').output).toBe(
      'api/\nhostname\nos-release\nresolv.conf\n',
    );
    expect(run('cat /etc/api/config.json').output).toMatch(
      /^\{"db":"[^$"]+"\}\n$/,
    );
    expect(run('cat /etc/hostname').output).toBe(`${session.pod_name}\n`);
    expect(run('cat /etc/resolv.conf').output).toContain(
      'search shop-development.svc.cluster.local',
    );
    expect(run('cat /nope')).toMatchObject({
      output:
        "cat: read error: can't open '/nope': No such file or directory\n",
      exit_code: 1,
    });
    expect(run('cat /etc')).toMatchObject({ exit_code: 1 });
    expect(run('ls /nope')).toMatchObject({ exit_code: 1 });
  });

  it('nslookup resolves services (short and FQDN) and resource hosts; NXDOMAIN otherwise', () => {
    const { b, run } = opened();
    const short = run('nslookup api');
    expect(short.exit_code).toBe(0);
    expect(short.output).toContain(
      'Name:\tapi.shop-development.svc.cluster.local\nAddress: 10.96.',
    );
    expect(
      run('nslookup api.shop-development.svc.cluster.local').output,
    ).toEqual(short.output);
    const db = b.engine
      .listActiveResources(b.admin, ORG, 'shop', 'development')
      .find((r) => r.res_id === 'shared.db')!;
    const host = String(db.resource!.host);
    expect(run(`nslookup ${host}`).output).toContain(`Name:\t${host}\n`);
    expect(run('nslookup nowhere')).toMatchObject({
      output: expect.stringContaining("** server can't find nowhere: NXDOMAIN"),
      exit_code: 1,
    });
  });

  it('curl answers from services that listen, and like curl otherwise', () => {
    const { b, run } = opened();
    expect(run('curl http://api:8080/health')).toEqual({
      output: '{"status":"ok","service":"api","path":"/health"}\n',
      exit_code: 0,
      closed: false,
    });
    expect(run('curl -i api:8080').output).toMatch(/^HTTP\/1.1 200 OK\n/);
    expect(run('curl http://api:9999/')).toMatchObject({
      output:
        'curl: (7) Failed to connect to api port 9999: Connection refused\n',
      exit_code: 7,
    });
    expect(run('curl http://nowhere/')).toMatchObject({
      output: 'curl: (6) Could not resolve host: nowhere\n',
      exit_code: 6,
    });
    const db = b.engine
      .listActiveResources(b.admin, ORG, 'shop', 'development')
      .find((r) => r.res_id === 'shared.db')!;
    expect(run(`curl ${String(db.resource!.host)}:5432`)).toMatchObject({
      exit_code: 52,
    });
    expect(run('curl')).toMatchObject({ exit_code: 2 });
  });

  it('answers like a shell for what it does not know; help, echo, exit', () => {
    const { b, session, run } = opened();
    expect(run('foo --bar')).toEqual({
      output: 'sh: foo: not found\n',
      exit_code: 127,
      closed: false,
    });
    expect(run('wget -qO- http://api:8080/').output).toBe(
      'sh: wget: not found\n',
    );
    expect(run('env | grep X')).toMatchObject({ exit_code: 2 });
    expect(run('echo "a  b" c').output).toBe('a  b c\n');
    expect(run('   ')).toMatchObject({ output: '', exit_code: 0 });
    expect(run('help').output).toContain('nslookup HOST');
    expect(run('exit')).toEqual({ output: '', exit_code: 0, closed: true });
    expect(refusal(() => run('hostname')).code).toBe('not_found');
    expect(
      refusal(() =>
        b.engine.closeShellSession(
          b.dev,
          ORG,
          'shop',
          'development',
          session.id,
        ),
      ).code,
    ).toBe('not_found');
  });

  it('refuses a command line that is no single line of text', () => {
    const { run } = opened();
    expect(refusal(() => run('ls\nps')).code).toBe('invalid');
    expect(refusal(() => run('x'.repeat(5000))).code).toBe('invalid');
    expect(refusal(() => run(42 as unknown as string)).code).toBe('invalid');
  });

  it('splits words with quotes and reports an unterminated one', () => {
    expect(splitWords(`cat 'a b' "c"d ''`)).toEqual(['cat', 'a b', 'cd', '']);
    expect(splitWords('echo "x')).toEqual({
      error: 'sh: syntax error: unterminated quoted string',
    });
  });
});

describe('access to shells', () => {
  it('needs the deployer role of the environment type: a viewer gets 403 and no session', () => {
    const b = localRunBench();
    const error = refusal(() =>
      b.engine.openShellSession(b.viewer, ORG, 'shop', 'development', 'api', {
        container_id: 'main',
      }),
    );
    expect(error.code).toBe('forbidden');
    expect(error.message).toContain(
      'Opening a shell in a container of shop/development',
    );
  });

  it("another user's session is not found", () => {
    const b = localRunBench();
    const { session } = opened(b, b.admin);
    expect(
      refusal(() =>
        b.engine.runShellCommand(
          b.dev,
          ORG,
          'shop',
          'development',
          session.id,
          'env',
        ),
      ).code,
    ).toBe('not_found');
  });

  it('names what is missing: workload, container, pod', () => {
    const b = localRunBench();
    const open = (workload: string, input: object) =>
      refusal(() =>
        b.engine.openShellSession(
          b.dev,
          ORG,
          'shop',
          'development',
          workload,
          input as never,
        ),
      );
    expect(open('nope', { container_id: 'main' }).message).toContain(
      'Workload `nope` does not run',
    );
    expect(open('api', { container_id: 'nope' }).message).toMatch(
      /has no container `nope`; it has `main`, `sidecar`/,
    );
    expect(
      open('api', { container_id: 'main', pod_name: 'api-x' }).message,
    ).toMatch(/Pod `api-x` does not run workload `api`/);
    expect(open('api', { container_id: '' }).code).toBe('invalid');
    expect(open('api', { container_id: 'main', debug: 'yes' }).code).toBe(
      'invalid',
    );
  });

  it('sessions end after 30 idle minutes', () => {
    const { b, run } = opened();
    b.clock.advance(31 * 60_000);
    expect(refusal(() => run('hostname')).message).toContain(
      'after 30 idle minutes',
    );
  });
});

describe('a debug container on a crash-looping pod', () => {
  it('cannot exec into the crash-looping container (409 saying to attach a debug container)', () => {
    const b = localRunBench();
    crashLooping(b);
    const error = refusal(() => opened(b));
    expect(error.code).toBe('conflict');
    expect(error.message).toMatch(
      /is not running \(CrashLoopBackOff\).*attach a debug container/,
    );
  });

  it("is busybox sharing the pod's process namespace: the target's process, files, variables and last logs", () => {
    const b = localRunBench();
    crashLooping(b);
    const { session, run } = opened(b, b.dev, true);
    expect(session).toMatchObject({
      kind: 'debug',
      container_id: 'debugger',
      target_container_id: 'main',
    });
    expect(session.banner).toContain("sharing the process namespace of 'main'");
    const ps = run('ps').output;
    expect(ps).toMatch(/^\s+1 root .*<defunct>$/m);
    expect(ps).toMatch(
      /# main is CrashLoopBackOff .*restarts: \d+, last exit code 1/,
    );
    const logs = run('logs -n 5').output.split('\n');
    expect(logs[0]).toBe(
      `# last 5 lines of main in ${session.pod_name} (as kubectl logs --previous)`,
    );
    expect(logs.length).toBeGreaterThan(2);
    expect(run('ls /proc/1/root/etc/api').output).toBe('config.json\n');
    const environ = run('cat /proc/1/environ').output;
    expect(environ).toContain('CRASH=true\n');
    expect(environ).toContain('API_KEY=********\n');
    expect(environ).not.toContain(VALUE_SECRET);
    expect(run('env').output).not.toContain('LOG_LEVEL');
    expect(run('curl http://api:8080/').output).toBe('sh: curl: not found\n');
    // The crash-looping api has no ready pod: its service refuses.
    expect(run('wget -qO- http://api:8080/').output).toBe(
      "wget: can't connect to remote host: Connection refused\n",
    );
    expect(run('logs -n 0').exit_code).toBe(1);
    expect(commandNames('debug')).toEqual(
      expect.arrayContaining(['wget', 'logs']),
    );
    expect(commandNames('debug')).not.toContain('curl');
  });
});
