import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inlineScriptHashes, productionHeaders } from '../../vite.config';

const ROOT = resolve(import.meta.dirname, '../..');

describe('vite.config.ts', () => {
  it('allows exactly the inline scripts a dev page carries, by hash', () => {
    const preamble = 'import { injectIntoGlobalHook } from "/@react-refresh";';
    const html = `<script type="module" src="/@vite/client"></script><script type="module">${preamble}</script><script src="/x.js"></script>`;
    const hash = createHash('sha256').update(preamble).digest('base64');
    expect(inlineScriptHashes(html)).toEqual([`'sha256-${hash}'`]);
    expect(
      inlineScriptHashes('<script type="module" src="/src/main.tsx"></script>'),
    ).toEqual([]);
  });

  it('sends a policy without inline scripts, and the other security headers', () => {
    expect(productionHeaders['Content-Security-Policy']).toMatch(
      /script-src 'self' 'unsafe-eval';/,
    );
    expect(productionHeaders['Content-Security-Policy']).toContain(
      "frame-ancestors 'none'",
    );
    expect(productionHeaders['X-Content-Type-Options']).toBe('nosniff');
    expect(productionHeaders['Referrer-Policy']).toBe(
      'strict-origin-when-cross-origin',
    );
  });

  it('refuses to compile VITE_API_TOKEN into a build unless told to', () => {
    const result = spawnSync(
      join(ROOT, 'node_modules/.bin/vite'),
      ['build', '--outDir', 'e2e/.output/never-built'],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          VITE_API_TOKEN: 'hum_secret',
          ALLOW_TOKEN_IN_BUILD: '',
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toContain(
      'VITE_API_TOKEN would be compiled into the built JavaScript',
    );
  });
});
