/**
 * Every boundary and syntax rule that lint claims, proven on a fixture that
 * must fail (and a neighbour that must pass, so a rule that fails everything
 * is caught too). Boundaries: `.dependency-cruiser.cjs`, cruised over a small
 * tree written to a temporary folder; syntax: `eslint.config.js`, on text
 * linted as if it were at a path of the repository.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cruise,
  type ICruiseResult,
  type IForbiddenRuleType,
} from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const config = createRequire(import.meta.url)(
  join(root, '.dependency-cruiser.cjs'),
) as {
  forbidden: IForbiddenRuleType[];
};

const folders: string[] = [];
afterAll(() =>
  folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })),
);

/** Cruises a tree of files (path -> content) with the repository's rules; answers the rules broken. */
async function broken(files: Record<string, string>): Promise<string[]> {
  const base = mkdtempSync(join(tmpdir(), 'lint-rules-'));
  folders.push(base);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(base, path)), { recursive: true });
    writeFileSync(join(base, path), content);
  }
  const tops = [
    ...new Set(Object.keys(files).map((path) => path.split('/')[0])),
  ];
  const { output } = await cruise(tops, {
    baseDir: base,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
    tsPreCompilationDeps: true,
  });
  const result = output as ICruiseResult;
  return [
    ...new Set(
      result.summary.violations.map((violation) => violation.rule.name),
    ),
  ].sort();
}

const exporting = 'export const value = 1;\n';
const typeExporting = 'export interface Shape { id: string }\n';

describe('import boundaries (.dependency-cruiser.cjs)', () => {
  it('refuses an import cycle, even one made of type imports', async () => {
    expect(
      await broken({
        'src/lib/a.ts':
          "import type { B } from './b';\nexport interface A { b?: B }\n",
        'src/lib/b.ts':
          "import type { A } from './a';\nexport interface B { a?: A }\n",
      }),
    ).toEqual(['no-circular']);
    expect(
      await broken({
        'src/lib/a.ts':
          "import type { B } from './b';\nexport interface A { b?: B }\n",
        'src/lib/b.ts': 'export interface B { id: string }\n',
      }),
    ).toEqual([]);
  });

  it('refuses a feature importing another feature, found by folder name, by any path', async () => {
    const files = {
      'src/features/brand-new/components/x.ts':
        "import { value } from '../../health/queries';\nexport const x = value;\n",
      'src/features/health/queries.ts': exporting,
    };
    expect(await broken(files)).toEqual(['feature-isolation']);
    expect(
      await broken({
        'src/features/brand-new/components/x.ts':
          "import { value } from '../queries';\nexport const x = value;\n",
        'src/features/brand-new/queries.ts': exporting,
      }),
    ).toEqual([]);
  });

  it('refuses a feature importing the app layer', async () => {
    expect(
      await broken({
        'src/features/apps/components/x.ts':
          "import { value } from '../../../app/routes/apps';\nexport const x = value;\n",
        'src/app/routes/apps.ts': exporting,
      }),
    ).toEqual(['features-not-app']);
  });

  it('refuses shared code importing a feature', async () => {
    expect(
      await broken({
        'src/components/ui/x.ts':
          "import { value } from '../../features/apps/queries';\nexport const x = value;\n",
        'src/features/apps/queries.ts': exporting,
      }),
    ).toEqual(['shared-not-features']);
  });

  it('refuses src importing mocks, in features and shared code alike, but lets main.tsx', async () => {
    const engine = { 'mocks/engine/index.ts': exporting };
    expect(
      await broken({
        ...engine,
        'src/features/apps/x.ts':
          "import { value } from '../../../mocks/engine/index';\nexport const x = value;\n",
      }),
    ).toEqual(['src-not-mocks']);
    expect(
      await broken({
        ...engine,
        'src/lib/x.ts':
          "import { value } from '../../mocks/engine/index';\nexport const x = value;\n",
      }),
    ).toEqual(['src-not-mocks']);
    expect(
      await broken({
        ...engine,
        'src/main.tsx':
          "import { value } from '../mocks/engine/index';\nexport const x = value;\n",
      }),
    ).toEqual([]);
  });

  it('lets mocks use only the generated API types, the JSON-schema validation and src/contract', async () => {
    expect(
      await broken({
        'mocks/handlers/x.ts':
          "import { value } from '../../src/lib/format';\nexport const x = value;\n",
        'src/lib/format.ts': exporting,
      }),
    ).toEqual(['mocks-use-the-contract']);
    expect(
      await broken({
        'mocks/handlers/x.ts':
          "import type { Shape } from '../../src/api/schema';\nimport { value } from '../../src/contract/fault-config';\nexport const x: Shape | number = value;\n",
        'src/api/schema.ts': typeExporting,
        'src/contract/fault-config.ts': exporting,
      }),
    ).toEqual([]);
  });

  it('seals the engine from the mock server, persistence, fixtures and frameworks', async () => {
    expect(
      await broken({
        'mocks/engine/apps/ops.ts':
          "import { value } from '../../persistence/file-store';\nexport const x = value;\n",
        'mocks/persistence/file-store.ts': exporting,
      }),
    ).toEqual(['engine-seal']);
    expect(
      await broken({
        'mocks/engine/apps/ops.ts':
          "import { value } from '../../runtime';\nexport const x = value;\n",
        'mocks/runtime.ts': exporting,
      }),
    ).toEqual(['engine-seal']);
    expect(
      await broken({
        'mocks/engine/apps/ops.ts':
          "import { value } from '../../fixtures/seed';\nexport const x = value;\n",
        'mocks/fixtures/seed.ts': exporting,
      }),
    ).toEqual(['engine-seal']);
    expect(
      await broken({
        'mocks/engine/apps/ops.ts':
          "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
      }),
    ).toEqual(['engine-no-frameworks']);
  });

  it('keeps the engine core at the bottom', async () => {
    expect(
      await broken({
        'mocks/engine/core/lookup.ts':
          "import type { Shape } from '../apps/index';\nexport type X = Shape;\n",
        'mocks/engine/apps/index.ts': typeExporting,
      }),
    ).toEqual(['engine-core-at-the-bottom']);
  });

  it('lets a domain reach another domain only through its index, never the facade', async () => {
    const sets = {
      'mocks/engine/sets/index.ts': exporting,
      'mocks/engine/sets/ops.ts': exporting,
    };
    expect(
      await broken({
        ...sets,
        'mocks/engine/apps/ops.ts':
          "import { value } from '../sets/ops';\nexport const x = value;\n",
      }),
    ).toEqual(['engine-domains-through-their-index']);
    expect(
      await broken({
        ...sets,
        'mocks/engine/apps/ops.ts':
          "import { value } from '../sets/index';\nexport const x = value;\n",
      }),
    ).toEqual([]);
    expect(
      await broken({
        'mocks/engine/apps/ops.ts':
          "import { value } from '../engine';\nexport const x = value;\n",
        'mocks/engine/engine.ts': exporting,
      }),
    ).toEqual(['engine-domains-below-the-facade']);
  });

  it('lets everything outside the engine use only its public index', async () => {
    const engine = {
      'mocks/engine/index.ts': exporting,
      'mocks/engine/apps/ops.ts': exporting,
    };
    expect(
      await broken({
        ...engine,
        'mocks/fixtures/seed.ts':
          "import { value } from '../engine/apps/ops';\nexport const x = value;\n",
      }),
    ).toEqual(['outside-uses-engine-index']);
    expect(
      await broken({
        ...engine,
        'mocks/handlers/apps.ts':
          "import { value } from '../engine/apps/ops';\nexport const x = value;\n",
      }),
    ).toEqual(['outside-uses-engine-index']);
    expect(
      await broken({
        ...engine,
        'mocks/handlers/apps.ts':
          "import { value } from '../engine/index';\nexport const x = value;\n",
      }),
    ).toEqual([]);
  });
});

describe('syntax rules (eslint.config.js)', () => {
  const eslint = new ESLint({ cwd: root });
  const messages = async (path: string, code: string) => {
    const [result] = await eslint.lintText(code, {
      filePath: join(root, path),
      warnIgnored: true,
    });
    return result.messages.map((message) => message.message);
  };

  it('refuses a query key written outside the query layer, and lets the query layer write them', async () => {
    const code =
      "export const options = { queryKey: ['apps'], queryFn: () => [] };\n";
    expect(await messages('src/features/apps/queries.ts', code)).toEqual([
      expect.stringContaining('Query keys come from the query layer'),
    ]);
    expect(await messages('src/api/queries/apps.ts', code)).toEqual([]);
  });

  it('refuses panel, table and dialog markup written out outside src/components/ui', async () => {
    const literal =
      'export const Box = () => <section className="panel"><div className="panel__body" /></section>;\n';
    const template =
      'export const Box = ({ tone }: { tone: string }) => <div className={`panel__header ${tone}`} />;\n';
    expect(
      await messages('src/features/apps/components/box.tsx', literal),
    ).toHaveLength(2);
    expect(await messages('src/app/routes/box.tsx', template)).toEqual([
      expect.stringContaining('Use Panel'),
    ]);
    expect(await messages('src/components/diff/box.tsx', literal)).toHaveLength(
      2,
    );
    expect(await messages('src/components/ui/box.tsx', literal)).toEqual([]);
    expect(
      await messages(
        'src/features/apps/components/box.tsx',
        'export const Box = () => <p className="panelist" />;\n',
      ),
    ).toEqual([]);
  });

  it('refuses a table written out in a feature or route, and lets the primitives and shared components build one', async () => {
    const table =
      'export const Rows = () => <table className="table"><tbody><tr><td>1</td></tr></tbody></table>;\n';
    expect(
      await messages('src/features/apps/components/rows.tsx', table),
    ).toEqual([expect.stringContaining('Use DataTable')]);
    expect(await messages('src/app/routes/rows.tsx', table)).toEqual([
      expect.stringContaining('Use DataTable'),
    ]);
    expect(await messages('src/components/ui/rows.tsx', table)).toEqual([]);
    expect(await messages('src/components/diff/rows.tsx', table)).toEqual([]);
    expect(
      await messages(
        'src/features/apps/components/rows.tsx',
        "import { DataTable } from '@/components/ui/data-table';\nexport const Rows = () => <DataTable caption=\"Rows\" columns={['Row']} rows={[1]} renderRow={(n) => <tr key={n}><td>{n}</td></tr>} />;\n",
      ),
    ).toEqual([]);
  });

  it('refuses an HTML string rendered anywhere in src (features, routes, shared components, primitives)', async () => {
    const sink =
      'export const Raw = ({ text }: { text: string }) => <div dangerouslySetInnerHTML={{ __html: text }} />;\n';
    for (const file of [
      'src/features/apps/components/raw.tsx',
      'src/app/routes/raw.tsx',
      'src/components/editors/raw.tsx',
      'src/components/ui/raw.tsx',
    ])
      expect(await messages(file, sink)).toEqual([
        expect.stringContaining('Never render an HTML string'),
      ]);
  });

  it('refuses dialog markup outside src/components/ui and the dialog library outside src/components, and lets the primitives use both', async () => {
    const markup =
      'export const Done = () => <div className="dialog__actions"><button className="button">Done</button></div>;\n';
    expect(
      await messages('src/features/access/components/done.tsx', markup),
    ).toEqual([expect.stringContaining('Use Panel, DataTable, FormDialog')]);
    expect(
      await messages(
        'src/features/access/components/done.tsx',
        'export const Veil = ({ wide }: { wide: boolean }) => <div className={`dialog-overlay ${wide ? "x" : ""}`} />;\n',
      ),
    ).toHaveLength(1);
    expect(await messages('src/components/ui/done.tsx', markup)).toEqual([]);
    const library =
      "import * as Dialog from '@radix-ui/react-dialog';\nexport const Root = Dialog.Root;\n";
    expect(
      await messages('src/features/access/components/token.tsx', library),
    ).toEqual([
      expect.stringContaining('Use Modal, FormDialog or ConfirmDialog'),
    ]);
    expect(await messages('src/app/routes/token.tsx', library)).toHaveLength(1);
    expect(await messages('src/components/ui/modal.tsx', library)).toEqual([]);
    expect(await messages('src/components/layout/drawer.tsx', library)).toEqual(
      [],
    );
    // The heavy editors stay refused in features, beside the dialog library.
    expect(
      await messages(
        'src/features/access/components/token.tsx',
        "import { DiffEditor } from '@monaco-editor/react';\nexport const Editor = DiffEditor;\n",
      ),
    ).toEqual([expect.stringContaining('src/components/editors')]);
  });

  it('refuses a heavy editor library outside its lazy wrapper', async () => {
    const code =
      "import { DiffEditor } from '@monaco-editor/react';\nexport const Editor = DiffEditor;\n";
    expect(
      await messages('src/features/diff/components/editor.tsx', code),
    ).toEqual([expect.stringContaining('src/components/editors')]);
    expect(await messages('src/components/editors/editor.tsx', code)).toEqual(
      [],
    );
  });

  it('refuses browser globals in the engine', async () => {
    expect(
      await messages(
        'mocks/engine/apps/ops.ts',
        'export const here = window.location.href;\n',
      ),
    ).toEqual([expect.stringContaining("'window'")]);
  });

  it('leaves generated files to their generator, by configuration', async () => {
    const [result] = await eslint.lintText(
      'export const x = 1;;\nvar y = 2\n',
      {
        filePath: join(root, 'mocks/handlers/operations.gen.ts'),
        warnIgnored: true,
      },
    );
    expect(result.messages).toEqual([
      expect.objectContaining({ message: expect.stringContaining('ignored') }),
    ]);
  });
});
