import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objectScope, renderTemplate } from './template';

const scope = objectScope(
  {
    context: { app: { id: 'shop' }, env: { id: 'staging' } },
    driver: { values: { port: 5432, host: 'db' }, secrets: { password: 'pw' } },
  },
  (path) => path.startsWith('driver.secrets.'),
  { 'dns#api': { values: { host: 'api.acme.dev' }, secrets: {} } },
);

describe('renderTemplate', () => {
  it('keeps the type of a lone placeholder and writes values into text', () => {
    expect(renderTemplate('${driver.values.port}', scope, 'x')).toEqual({
      ok: true,
      value: 5432,
      secret: false,
      reads: ['driver.values.port'],
    });
    expect(
      renderTemplate('${driver.values.host}:${driver.values.port}', scope, 'x'),
    ).toMatchObject({ ok: true, value: 'db:5432' });
    expect(
      renderTemplate('https://${resources.dns#api.outputs.host}/', scope, 'x'),
    ).toMatchObject({ ok: true, value: 'https://api.acme.dev/' });
  });

  it('marks what reads a secret', () => {
    expect(
      renderTemplate('user:${driver.secrets.password}', scope, 'x'),
    ).toMatchObject({ ok: true, secret: true });
  });

  it('text without placeholders renders as itself; $${ is a literal ${', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!text.includes('$'));
        expect(renderTemplate(text, scope, 'x')).toEqual({
          ok: true,
          value: text,
          secret: false,
          reads: [],
        });
        expect(renderTemplate(`$\${${text}`, scope, 'x')).toMatchObject({
          ok: true,
          value: `\${${text}`,
        });
      }),
    );
  });

  it('any template either renders or says why, and never repeats a secret in its message', () => {
    const secret = 'planted-template-secret-91c2';
    const withSecret = objectScope(
      { driver: { values: {}, secrets: { token: secret } } },
      (path) => path.startsWith('driver.secrets.'),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string({ maxLength: 8 }),
            fc.constantFrom(
              '${driver.secrets.token}',
              '${driver.secrets.nothing}',
              '${context.app.id}',
              '${',
              '}',
              '${ x + y }',
            ),
          ),
          { maxLength: 6 },
        ),
        (parts) => {
          const result = renderTemplate(parts.join(''), withSecret, 'x');
          if (!result.ok) expect(result.message).not.toContain(secret);
          else
            expect(result.secret).toBe(String(result.value).includes(secret));
        },
      ),
    );
  });
});
