/**
 * The account types (the spec's AccountTypeResponse): the clouds a resource
 * account can belong to, the credentials each takes (`inputs_schema`), and a
 * deterministic check of credentials of that type (no cloud is called): a
 * verdict naming the field that is wrong, or the account's identity (never a
 * credential).
 */
import { sha256Text, toHex } from '../core/canonical';
import type { JsonObject } from '../core/model/spec';

/** An account type as the API returns it. */
export interface AccountType {
  type: string;
  name: string;
  inputs_schema: JsonObject;
  outputs_schema?: JsonObject;
}

/** One identity field of a checked account (the spec's CheckResourceAccountField). */
export interface IdentityField {
  id: string;
  description: string;
  value: string;
}

/** The verdict of a check: the identity, or the field that is wrong and why. */
export type CredentialVerdict =
  | { ok: true; identity_fields: IdentityField[]; warnings: string[] }
  | { ok: false; field: string; message: string };

interface AccountTypeRule extends AccountType {
  check(credentials: Record<string, unknown>): CredentialVerdict;
}

const str = { type: 'string', minLength: 1 } as const;
const secret = { ...str, writeOnly: true } as const;
const schema = (properties: JsonObject, required: string[]): JsonObject => ({
  type: 'object',
  properties,
  required,
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function wrong(field: string, message: string): CredentialVerdict {
  return { ok: false, field, message: `\`${field}\` ${message}` };
}

function text(credentials: Record<string, unknown>, field: string): string {
  const value = credentials[field];
  return typeof value === 'string' ? value : '';
}

/** A simulated 12-digit AWS account number for an access key (the same for the same key; says nothing about it). */
function simulatedAwsAccount(keyId: string): string {
  const digits = toHex(sha256Text(`aws-account:${keyId}`))
    .replace(/[a-f]/g, '')
    .padEnd(12, '7');
  return digits.slice(0, 12);
}

const RULES: AccountTypeRule[] = [
  {
    type: 'aws',
    name: 'AWS (access key)',
    inputs_schema: schema(
      { aws_access_key_id: str, aws_secret_access_key: secret },
      ['aws_access_key_id', 'aws_secret_access_key'],
    ),
    check(c) {
      const keyId = text(c, 'aws_access_key_id');
      if (!/^(AKIA|ASIA)[A-Z0-9]{16}$/.test(keyId))
        return wrong(
          'aws_access_key_id',
          'is not an AWS access key id: it has 20 characters, starts with AKIA (or ASIA for temporary keys) and holds only capital letters and digits.',
        );
      if (!/^[A-Za-z0-9/+=]{40}$/.test(text(c, 'aws_secret_access_key')))
        return wrong(
          'aws_secret_access_key',
          'is not an AWS secret access key: it has 40 characters of letters, digits, /, + and =.',
        );
      return {
        ok: true,
        identity_fields: [
          {
            id: 'account',
            description: 'AWS account of the key (simulated)',
            value: simulatedAwsAccount(keyId),
          },
        ],
        warnings: keyId.startsWith('ASIA')
          ? [
              'The key is temporary (ASIA…): the account stops working when it expires.',
            ]
          : [],
      };
    },
  },
  {
    type: 'aws-role',
    name: 'AWS (assumed role)',
    inputs_schema: schema({ aws_role: str, external_id: str }, ['aws_role']),
    check(c) {
      const arn = /^arn:aws:iam::(\d{12}):role\/([\w+=,.@/-]{1,128})$/.exec(
        text(c, 'aws_role'),
      );
      if (!arn)
        return wrong(
          'aws_role',
          'is not an IAM role ARN: write arn:aws:iam::<12-digit account>:role/<name>.',
        );
      return {
        ok: true,
        identity_fields: [
          { id: 'account', description: 'AWS account', value: arn[1] },
          { id: 'role', description: 'Role assumed', value: arn[2] },
        ],
        warnings:
          text(c, 'external_id') === ''
            ? [
                'No external_id: the role trusts anyone who can name it; set one in its trust policy.',
              ]
            : [],
      };
    },
  },
  {
    type: 'gcp',
    name: 'GCP (service account key)',
    inputs_schema: schema(
      {
        type: { type: 'string', const: 'service_account' },
        project_id: str,
        client_email: str,
        private_key_id: str,
        private_key: secret,
      },
      ['type', 'project_id', 'client_email', 'private_key'],
    ),
    check(c) {
      if (text(c, 'type') !== 'service_account')
        return wrong(
          'type',
          'must be "service_account" (the key file of a service account).',
        );
      if (!/^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(text(c, 'project_id')))
        return wrong(
          'project_id',
          'is not a GCP project id: 6 to 30 lowercase letters, digits and dashes, starting with a letter.',
        );
      const email = text(c, 'client_email');
      if (!/^[a-z0-9-]+@[a-z0-9-]+\.iam\.gserviceaccount\.com$/.test(email))
        return wrong(
          'client_email',
          'is not a service account e-mail (name@project.iam.gserviceaccount.com).',
        );
      const key = text(c, 'private_key');
      if (
        !key.startsWith('-----BEGIN PRIVATE KEY-----') ||
        !key.trimEnd().endsWith('-----END PRIVATE KEY-----')
      )
        return wrong(
          'private_key',
          'is not a PEM private key (-----BEGIN PRIVATE KEY----- … -----END PRIVATE KEY-----).',
        );
      return {
        ok: true,
        identity_fields: [
          {
            id: 'project_id',
            description: 'GCP project',
            value: text(c, 'project_id'),
          },
          { id: 'client_email', description: 'Service account', value: email },
        ],
        warnings: [],
      };
    },
  },
  {
    type: 'gcp-identity',
    name: 'GCP (workload identity)',
    inputs_schema: schema({ gcp_service_account: str, gcp_audience: str }, [
      'gcp_service_account',
    ]),
    check(c) {
      const email = text(c, 'gcp_service_account');
      if (!/^[a-z0-9-]+@[a-z0-9-]+\.iam\.gserviceaccount\.com$/.test(email))
        return wrong(
          'gcp_service_account',
          'is not a service account e-mail (name@project.iam.gserviceaccount.com).',
        );
      return {
        ok: true,
        identity_fields: [
          {
            id: 'service_account',
            description: 'Service account impersonated',
            value: email,
          },
        ],
        warnings: [],
      };
    },
  },
  {
    type: 'azure',
    name: 'Azure (service principal)',
    inputs_schema: schema(
      { appId: str, displayName: str, password: secret, tenant: str },
      ['appId', 'password', 'tenant'],
    ),
    check(c) {
      if (!UUID.test(text(c, 'appId')))
        return wrong(
          'appId',
          'is not an application (client) id: a UUID such as 00000000-0000-0000-0000-000000000000.',
        );
      if (!UUID.test(text(c, 'tenant')))
        return wrong(
          'tenant',
          'is not a tenant id: a UUID such as 00000000-0000-0000-0000-000000000000.',
        );
      if (text(c, 'password').length < 8)
        return wrong(
          'password',
          'is too short for a client secret (at least 8 characters).',
        );
      return {
        ok: true,
        identity_fields: [
          {
            id: 'tenant',
            description: 'Azure tenant',
            value: text(c, 'tenant'),
          },
          {
            id: 'appId',
            description: 'Service principal',
            value: text(c, 'appId'),
          },
        ],
        warnings: [],
      };
    },
  },
  {
    type: 'azure-identity',
    name: 'Azure (workload identity)',
    inputs_schema: schema(
      { azure_identity_tenant_id: str, azure_identity_client_id: str },
      ['azure_identity_tenant_id', 'azure_identity_client_id'],
    ),
    check(c) {
      for (const field of [
        'azure_identity_tenant_id',
        'azure_identity_client_id',
      ])
        if (!UUID.test(text(c, field)))
          return wrong(
            field,
            'is not a UUID such as 00000000-0000-0000-0000-000000000000.',
          );
      return {
        ok: true,
        identity_fields: [
          {
            id: 'tenant',
            description: 'Azure tenant',
            value: text(c, 'azure_identity_tenant_id'),
          },
          {
            id: 'client_id',
            description: 'Managed identity',
            value: text(c, 'azure_identity_client_id'),
          },
        ],
        warnings: [],
      };
    },
  },
];

const BY_TYPE = new Map(RULES.map((rule) => [rule.type, rule]));

/** Every account type, as the API lists them. */
export function accountTypes(): AccountType[] {
  return RULES.map(({ type, name, inputs_schema }) => ({
    type,
    name,
    inputs_schema: structuredClone(inputs_schema),
  }));
}

/** Whether an account type exists (for drivers' `account_types`). */
export function accountTypeExists(type: string): boolean {
  return BY_TYPE.has(type);
}

/** The ids of the account types, for messages. */
export function accountTypeIds(): string[] {
  return RULES.map((rule) => rule.type);
}

/** The account type's schema and check; undefined for an unknown type. */
export function accountTypeRule(type: string): AccountTypeRule | undefined {
  return BY_TYPE.get(type);
}
