import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  inlineScriptHashes,
  productionHeaders,
  startChunks,
} from '../../vite.config';

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

  it("preloads main.tsx's start chunks and what they import in index.html, not the entry's own", () => {
    const chunk = (
      fileName: string,
      facadeModuleId: string | null,
      imports: string[],
      dynamicImports: string[] = [],
    ) => ({
      type: 'chunk' as const,
      fileName,
      facadeModuleId,
      imports,
      dynamicImports,
    });
    const entry = chunk(
      'assets/index.js',
      '/repo/index.html',
      ['assets/runtime.js'],
      ['assets/client.js', 'assets/mount.js', 'assets/route.js'],
    );
    const bundle = Object.fromEntries(
      [
        entry,
        chunk('assets/runtime.js', null, []),
        chunk('assets/client.js', '/repo/node_modules/react-dom/client.js', [
          'assets/runtime.js',
          'assets/react-dom.js',
        ]),
        chunk('assets/react-dom.js', null, ['assets/runtime.js']),
        chunk('assets/mount.js', '/repo/src/app/mount.tsx', [
          'assets/shared.js',
          'assets/react-dom.js',
        ]),
        chunk('assets/shared.js', null, []),
        chunk('assets/route.js', '/repo/src/app/routes/home.tsx', []),
      ].map((c) => [c.fileName, c]),
    );
    const transform = startChunks().transformIndexHtml as unknown as {
      handler: (html: string, ctx: object) => { attrs: { href: string } }[];
    };
    const tags = transform.handler('', { bundle, chunk: entry });
    expect(tags.map((tag) => tag.attrs.href)).toEqual([
      '/assets/client.js',
      '/assets/react-dom.js',
      '/assets/mount.js',
      '/assets/shared.js',
    ]);
    expect(tags[0]).toMatchObject({
      tag: 'link',
      attrs: { rel: 'modulepreload' },
      injectTo: 'head',
    });
    // main.tsx changed and no longer starts with these: the build says so rather than preloading nothing.
    expect(() =>
      transform.handler('', {
        bundle,
        chunk: { ...entry, dynamicImports: ['assets/mount.js'] },
      }),
    ).toThrow(/react-dom\/client/);
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
