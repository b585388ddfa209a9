// The CLI's agent commands end to end (issue 22): `npm run api` on a free port with a temporary data file, and
// `get agents` and `register agent --id --key-file` run as child processes; the key is made here with Node's crypto
// and its fingerprint compared with the SHA-256 of its DER.
import { createHash, createPublicKey } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rsaPrivateKey, rsaPublicKey } from './testing/agent-keys';
import { cliHarness } from './testing/cli-harness';

const cli = cliHarness('cli-agents-test');
const admin = { HUMANITEC_TOKEN: 'hum_demo_admin_token' };

describe('CLI: agents', () => {
  it('lists the demo agents with their status and the key expiring first', async () => {
    const listed = await cli.run(['get', 'agents'], admin);
    expect(listed.err).toBe('');
    expect(listed.code).toBe(0);
    const lines = listed.out.split('\n');
    expect(lines[0]).toMatch(
      /^ID\s+STATUS\s+VERSION\s+LAST SEEN\s+KEYS\s+ENVIRONMENTS$/,
    );
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^edge-legacy\s+connected\s+1\.4\.2\s+\S+\s+1, first expires \d{4}-\d\d-\d\d \(in (9|10) days\)\s+-$/,
      ),
    );
    const viewer = await cli.run(['get', 'agents'], {
      HUMANITEC_TOKEN: 'hum_demo_viewer_token',
    });
    expect(viewer.code).toBe(3);
  });

  it('registers an agent from a key file and prints its fingerprint; refuses a private key and a weak key', async () => {
    const pem = rsaPublicKey();
    const file = join(cli.dir, 'agent.pub.pem');
    writeFileSync(file, pem);
    const registered = await cli.run(
      ['register', 'agent', '--id', 'cli-agent', '--key-file', file],
      admin,
    );
    expect(registered.err).toBe('');
    expect(registered.code).toBe(0);
    const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
    expect(registered.out).toContain(
      `Key fingerprint: ${createHash('sha256').update(der).digest('hex')}`,
    );
    expect(registered.out).toMatch(
      /Key expires: \d{4}-\d\d-\d\d \(in 7\d\d days\)/,
    );
    expect(registered.out).toContain('--set humanitec.agentId=cli-agent');
    // Registered, not installed: not connected yet, no version reported.
    const listed = await cli.run(['get', 'agents'], admin);
    expect(listed.out.split('\n')).toContainEqual(
      expect.stringMatching(
        /^cli-agent\s+not connected yet\s+-\s+never\s+1, first expires /,
      ),
    );

    const secret = join(cli.dir, 'agent.pem');
    writeFileSync(secret, rsaPrivateKey());
    const refused = await cli.run(
      ['register', 'agent', '--id', 'cli-private', '--key-file', secret],
      admin,
    );
    expect([refused.code, refused.err.split('\n')[0]]).toEqual([
      2,
      `${secret} holds a private key: register its public half instead (openssl pkey -in ${secret} -pubout -out agent.pub.pem).`,
    ]);

    const weakFile = join(cli.dir, 'weak.pub.pem');
    writeFileSync(weakFile, rsaPublicKey(2048));
    const weak = await cli.run(
      ['register', 'agent', '--id', 'cli-weak', '--key-file', weakFile],
      admin,
    );
    expect(weak.code).toBe(3);
    expect(weak.err).toMatch(
      /2048-bit RSA key; agents need at least 4096 bits/,
    );
    const missing = await cli.run(['register', 'agent', '--id', 'x'], admin);
    expect([missing.code, missing.err.split('\n')[0]]).toEqual([
      2,
      'Missing --key-file.',
    ]);
  });
});
