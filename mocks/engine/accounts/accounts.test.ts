import { describe, expect, it } from 'vitest';
import { EngineError } from '../core/errors';
import type { StateV1 } from '../core/state';
import { bench, ORG } from '../../fixtures/test-engine';
import { accountExists, accountTypeOf } from './ops';

const SECRET_KEY = 'planted/AWS+secret0key0value000000007c1d';
const AWS = {
  id: 'aws-prod',
  name: 'AWS production',
  type: 'aws',
  credentials: {
    aws_access_key_id: 'AKIAIOSFODNN7EXAMPLE',
    aws_secret_access_key: SECRET_KEY,
  },
};
const PEM = 'planted-gcp-private-key-2b9f';
const GCP = {
  id: 'gcp-dev',
  name: 'GCP development',
  type: 'gcp',
  credentials: {
    type: 'service_account',
    project_id: 'acme-dev-123',
    client_email: 'humanitec@acme-dev-123.iam.gserviceaccount.com',
    private_key: `-----BEGIN PRIVATE KEY-----\n${PEM}\n-----END PRIVATE KEY-----\n`,
  },
};

function refusal(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (error instanceof EngineError)
      return {
        code: error.code,
        message: error.message,
        details: error.details,
      };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('resource accounts', () => {
  it('lists the account types with their credential schemas', () => {
    const { engine, viewer } = bench();
    const types = engine.listResourceAccountTypes(viewer, ORG);
    expect(types.map((t) => t.type)).toEqual([
      'aws',
      'aws-role',
      'gcp',
      'gcp-identity',
      'azure',
      'azure-identity',
    ]);
    expect(types[0]).toMatchObject({
      name: 'AWS (access key)',
      inputs_schema: {
        required: ['aws_access_key_id', 'aws_secret_access_key'],
      },
    });
  });

  it('creates, reads, renames and deletes an account; credentials never come back', () => {
    const { engine, admin, viewer } = bench();
    const created = engine.createResourceAccount(admin, ORG, AWS);
    expect(created).toEqual({
      id: 'aws-prod',
      name: 'AWS production',
      type: 'aws',
      is_used: false,
      created_at: expect.any(String),
      created_by: 'alex-admin',
    });
    expect(engine.listResourceAccounts(viewer, ORG)).toEqual([created]);
    expect(engine.getResourceAccount(viewer, ORG, 'aws-prod')).toEqual(created);
    const renamed = engine.patchResourceAccount(admin, ORG, 'aws-prod', {
      name: 'AWS prod',
    });
    expect(renamed?.name).toBe('AWS prod');
    const everything = JSON.stringify([
      created,
      renamed,
      engine.listResourceAccounts(viewer, ORG),
      engine.checkResourceAccount(admin, ORG, 'aws-prod'),
    ]);
    expect(everything).not.toContain(SECRET_KEY);
    expect(everything).not.toContain('AKIAIOSFODNN7EXAMPLE');

    const state = engine.snapshot() as StateV1;
    expect(accountExists(state, ORG, 'aws-prod')).toBe(true);
    expect(accountTypeOf(state, ORG, 'aws-prod')).toBe('aws');
    // Kept in the write-only store, nowhere else in the organisation's records.
    expect(JSON.stringify(state.orgs[ORG].resourceAccounts)).not.toContain(
      SECRET_KEY,
    );
    expect(
      state.orgs[ORG].accountCredentials?.['aws-prod'].credentials,
    ).toEqual(AWS.credentials);

    engine.deleteResourceAccount(admin, ORG, 'aws-prod');
    expect(
      refusal(() => engine.getResourceAccount(viewer, ORG, 'aws-prod')),
    ).toMatchObject({ code: 'not_found' });
    expect((engine.snapshot() as StateV1).orgs[ORG].accountCredentials).toEqual(
      {},
    );
  });

  it('refuses unknown types, missing credential fields (named, never echoed) and duplicates', () => {
    const { engine, admin } = bench();
    expect(
      refusal(() =>
        engine.createResourceAccount(admin, ORG, { ...AWS, type: 'oracle' }),
      ).message,
    ).toMatch(/`type` must be one of the account types `aws`, `aws-role`/);
    const missing = refusal(() =>
      engine.createResourceAccount(admin, ORG, {
        ...AWS,
        credentials: { aws_secret_access_key: SECRET_KEY },
      }),
    );
    expect(missing.message).toMatch(
      /`credentials.aws_access_key_id` is missing/,
    );
    expect(JSON.stringify(missing)).not.toContain(SECRET_KEY);
    engine.createResourceAccount(admin, ORG, AWS);
    expect(
      refusal(() => engine.createResourceAccount(admin, ORG, AWS)),
    ).toMatchObject({ code: 'conflict' });
  });

  it('a dry run checks and keeps nothing; check_credential refuses wrong values', () => {
    const { engine, admin, viewer } = bench();
    expect(
      engine.createResourceAccount(admin, ORG, AWS, { dryRun: true }),
    ).toBeUndefined();
    expect(engine.listResourceAccounts(viewer, ORG)).toEqual([]);
    const wrong = refusal(() =>
      engine.createResourceAccount(
        admin,
        ORG,
        {
          ...AWS,
          credentials: { ...AWS.credentials, aws_access_key_id: 'nope' },
        },
        { checkCredential: true },
      ),
    );
    expect(wrong).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(
        /The credentials do not work: `aws_access_key_id` is not an AWS access key id/,
      ),
      details: { field: 'credentials.aws_access_key_id' },
    });
  });

  it('checks an account: its identity when the credentials are right, the wrong field otherwise', () => {
    const { engine, admin, dev } = bench();
    engine.createResourceAccount(admin, ORG, GCP);
    expect(engine.checkResourceAccount(admin, ORG, 'gcp-dev')).toEqual({
      identity_fields: [
        { id: 'project_id', description: 'GCP project', value: 'acme-dev-123' },
        {
          id: 'client_email',
          description: 'Service account',
          value: 'humanitec@acme-dev-123.iam.gserviceaccount.com',
        },
      ],
      warnings: [],
    });
    engine.patchResourceAccount(admin, ORG, 'gcp-dev', {
      credentials: { ...GCP.credentials, private_key: PEM },
    });
    const verdict = refusal(() =>
      engine.checkResourceAccount(admin, ORG, 'gcp-dev'),
    );
    expect(verdict.message).toMatch(/`private_key` is not a PEM private key/);
    expect(JSON.stringify(verdict)).not.toContain(PEM);
    expect(
      refusal(() => engine.checkResourceAccount(dev, ORG, 'gcp-dev')),
    ).toMatchObject({ code: 'forbidden' });
  });

  it.each([
    [
      'aws-role',
      { aws_role: 'arn:aws:iam::123456789012:role/humanitec' },
      'account',
    ],
    [
      'azure',
      {
        appId: '11111111-2222-3333-4444-555555555555',
        tenant: '66666666-7777-8888-9999-000000000000',
        password: 'planted-azure-password',
      },
      'tenant',
    ],
    [
      'gcp-identity',
      { gcp_service_account: 'x@proj-1.iam.gserviceaccount.com' },
      'service_account',
    ],
    [
      'azure-identity',
      {
        azure_identity_tenant_id: '66666666-7777-8888-9999-000000000000',
        azure_identity_client_id: '11111111-2222-3333-4444-555555555555',
      },
      'tenant',
    ],
  ])(
    'a %s account with right credentials checks out',
    (type, credentials, field) => {
      const { engine, admin } = bench();
      engine.createResourceAccount(
        admin,
        ORG,
        { id: 'acc', name: 'Account', type, credentials },
        { checkCredential: true },
      );
      const check = engine.checkResourceAccount(admin, ORG, 'acc');
      expect(check.identity_fields.map((f) => f.id)).toContain(field);
      expect(JSON.stringify(check)).not.toContain('planted');
    },
  );

  it('only name and credentials change; members may not create accounts', () => {
    const { engine, admin, dev } = bench();
    engine.createResourceAccount(admin, ORG, AWS);
    expect(
      refusal(() =>
        engine.patchResourceAccount(admin, ORG, 'aws-prod', { type: 'gcp' }),
      ).message,
    ).toMatch(/Only `name` and `credentials` of an account can change/);
    expect(
      refusal(() =>
        engine.createResourceAccount(dev, ORG, { ...AWS, id: 'x' }),
      ),
    ).toMatchObject({ code: 'forbidden' });
  });
});
