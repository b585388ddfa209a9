import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskedYaml } from './canonical-yaml';
import { fieldChanges, formatValue } from './field-changes';
import {
  isReferenceOnly,
  isSecretKey,
  MASK,
  MASK_CHANGED,
  maskJson,
  maskUrlCredentials,
} from './masking';

const workload = {
  profile: 'humanitec/default-module',
  spec: {
    containers: {
      api: {
        image: 'registry.acme.dev/shop/api:1.4.2',
        variables: {
          API_TOKEN: 'tok-live-123456',
          DB_PASSWORD: '${secrets.db-password}',
          sessionSecret: 'hunter2-session',
          DATABASE_URL: 'postgres://shop:s3cr3t-pw@db:5432/shop',
          LOG_LEVEL: 'info',
          KEYCLOAK_URL: 'https://auth.acme.dev',
        },
        secrets: {
          stripe: 'sk_live_abcdef',
          nested: { deep: 'deep-value-42' },
        },
      },
    },
  },
  externals: {},
};
const SECRETS = [
  'tok-live-123456',
  'hunter2-session',
  's3cr3t-pw',
  'sk_live_abcdef',
  'deep-value-42',
];

describe('the masking rule', () => {
  it('knows secret-looking keys by their words', () => {
    for (const key of [
      'DB_PASSWORD',
      'API_TOKEN',
      'apiKey',
      'SESSION_SECRET',
      'private_key',
      'AWS_SECRET_ACCESS_KEY',
      'dbpassword',
      'GITHUB_CREDENTIALS',
    ])
      expect(isSecretKey(key), key).toBe(true);
    for (const key of [
      'LOG_LEVEL',
      'KEYCLOAK_URL',
      'MONKEY',
      'image',
      'replicas',
      'DB_HOST',
    ])
      expect(isSecretKey(key), key).toBe(false);
  });

  it('shows `${…}` references as they are, even under a secret key', () => {
    expect(isReferenceOnly('${secrets.db-password}')).toBe(true);
    expect(isReferenceOnly('${shared.db.host}${shared.db.port}')).toBe(true);
    expect(isReferenceOnly('Bearer ${secrets.token}')).toBe(false);
    const masked = maskJson(workload) as typeof workload;
    expect(masked.spec.containers.api.variables.DB_PASSWORD).toBe(
      '${secrets.db-password}',
    );
  });

  it('hides literal secrets, values in a secrets map and URL passwords; keeps the rest', () => {
    const masked = maskJson(workload) as typeof workload;
    const vars = masked.spec.containers.api.variables;
    expect(vars.API_TOKEN).toBe(MASK);
    expect(vars.sessionSecret).toBe(MASK);
    expect(vars.DATABASE_URL).toBe('postgres://shop:•••••@db:5432/shop');
    expect(vars.LOG_LEVEL).toBe('info');
    expect(vars.KEYCLOAK_URL).toBe('https://auth.acme.dev');
    expect(masked.spec.containers.api.secrets).toEqual({
      stripe: MASK,
      nested: { deep: MASK },
    });
    expect(maskUrlCredentials('redis://:${secrets.redis}@cache:6379')).toBe(
      'redis://:${secrets.redis}@cache:6379',
    );
    expect(workload.spec.containers.api.variables.API_TOKEN).toBe(
      'tok-live-123456',
    ); // input untouched
  });

  it('never lets a secret value into the YAML or the field list', () => {
    const yaml = maskedYaml(workload);
    for (const secret of SECRETS) expect(yaml).not.toContain(secret);
    const ops = [
      {
        op: 'replace',
        path: '/spec/containers/api/variables/API_TOKEN',
        value: 'tok-live-999999',
      },
      {
        op: 'add',
        path: '/spec/containers/api/variables/NEW_SECRET',
        value: 'brand-new-secret',
      },
      {
        op: 'add',
        path: '/spec/containers/api/secrets/other',
        value: { key: 'nested-secret-value' },
      },
    ];
    const text = fieldChanges(ops, workload)
      .map((c) => `${formatValue(c.from)} ${formatValue(c.to)}`)
      .join('\n');
    for (const secret of [
      ...SECRETS,
      'tok-live-999999',
      'brand-new-secret',
      'nested-secret-value',
    ])
      expect(text).not.toContain(secret);
    expect(text).toContain(MASK);
  });

  it('marks a changed secret as changed on the new side, so the text diff still shows the change', () => {
    const after = structuredClone(workload);
    after.spec.containers.api.variables.API_TOKEN = 'tok-live-999999';
    const ops = [
      {
        op: 'replace',
        path: '/spec/containers/api/variables/API_TOKEN',
        value: 'tok-live-999999',
      },
    ];
    expect(maskedYaml(workload)).toContain(`API_TOKEN: ${MASK}`);
    expect(maskedYaml(after, ops)).toContain(`API_TOKEN: ${MASK_CHANGED}`);
    expect(maskedYaml(after, ops)).toContain(`sessionSecret: ${MASK}\n`);
  });

  it('hides any value under a secret key, whatever it is (property)', () => {
    const secretValue = fc
      .string({ minLength: 6 })
      .filter(
        (s) => !isReferenceOnly(s) && s.trim() === s && /^[\w-]+$/.test(s),
      );
    fc.assert(
      fc.property(
        secretValue,
        fc.constantFrom('PASSWORD', 'API_TOKEN', 'clientSecret', 'PRIVATE_KEY'),
        (value, key) => {
          const yaml = maskedYaml({
            spec: {
              containers: {
                c: { variables: { [key]: value, OTHER: 'visible' } },
              },
            },
          });
          expect(yaml).not.toContain(value);
          expect(yaml).toContain('visible');
        },
      ),
    );
  });
});
