/**
 * Local stand-ins: for each resource type a container that gives the outputs
 * a workload reads (postgres, mysql, redis, s3 through MinIO) or, for dns, the
 * name `localhost` where the workload's published ports answer. A stand-in
 * listens on the environment's port and answers to the environment's host
 * name (a network alias), so the workload's variables stay what they are in
 * the environment; only its credentials are its own (local, made up, in
 * `.env`), never the environment's.
 */
import type { Json, JsonObject } from '../core/model/spec';

/** A stand-in's Compose service, before the bundle names it. */
export interface StandInService {
  image: string;
  environment?: Record<string, string>;
  entrypoint?: string[];
  command?: string[];
}

/** What a stand-in gives: its outputs (secret ones are local credentials) and, unless it is only a name, its service. */
export interface StandIn {
  values: JsonObject;
  /** Local credentials by output name (go to `.env`). */
  secrets: Record<string, string>;
  service?: StandInService;
  note?: string;
}

/** The types that have a stand-in. */
export const STAND_IN_TYPES: readonly string[] = [
  'postgres',
  'mysql',
  'redis',
  's3',
  'dns',
];

/** A local credential: made up per resource, so two stand-ins never share one. */
function localCredential(slug: string, what: string): string {
  return `local-${slug}-${what}`;
}

function text(value: Json | undefined, fallback: string): string {
  return typeof value === 'string' && value !== '' ? value : fallback;
}

function port(value: Json | undefined, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value)
    ? value
    : fallback;
}

/** A database name a server accepts. */
function databaseName(slug: string): string {
  return slug.replace(/[^a-z0-9_]/g, '_');
}

/**
 * The stand-in of a resource of `type` whose environment outputs are
 * `outputs` (empty when the environment has none); `slug` names its service,
 * `env` is how the service reads a credential from `.env` (`${VAR}`).
 */
export function standInFor(
  type: string,
  slug: string,
  outputs: JsonObject,
  env: (output: string) => string,
): StandIn | undefined {
  switch (type) {
    case 'postgres': {
      const values = {
        host: text(outputs.host, slug),
        port: port(outputs.port, 5432),
        name: text(outputs.name, databaseName(slug)),
      };
      return {
        values,
        secrets: {
          username: 'local',
          password: localCredential(slug, 'password'),
        },
        service: {
          image: 'postgres:16',
          environment: {
            POSTGRES_DB: String(values.name),
            POSTGRES_USER: env('username'),
            POSTGRES_PASSWORD: env('password'),
            PGPORT: String(values.port),
          },
        },
      };
    }
    case 'mysql': {
      const values = {
        host: text(outputs.host, slug),
        port: port(outputs.port, 3306),
        name: text(outputs.name, databaseName(slug)),
      };
      return {
        values,
        secrets: {
          username: 'local',
          password: localCredential(slug, 'password'),
        },
        service: {
          image: 'mysql:8.4',
          environment: {
            MYSQL_DATABASE: String(values.name),
            MYSQL_USER: env('username'),
            MYSQL_PASSWORD: env('password'),
            MYSQL_RANDOM_ROOT_PASSWORD: 'yes',
            MYSQL_TCP_PORT: String(values.port),
          },
        },
      };
    }
    case 'redis': {
      const values = {
        host: text(outputs.host, slug),
        port: port(outputs.port, 6379),
      };
      return {
        values,
        secrets: { password: localCredential(slug, 'password') },
        service: {
          image: 'redis:7',
          command: [
            'redis-server',
            '--port',
            String(values.port),
            '--requirepass',
            env('password'),
          ],
        },
      };
    }
    case 's3': {
      const bucket = text(outputs.bucket, slug);
      const values = { bucket, region: text(outputs.region, 'us-east-1') };
      return {
        values,
        secrets: {
          aws_access_key_id: 'local',
          aws_secret_access_key: localCredential(slug, 'secret-key'),
        },
        service: {
          image: 'minio/minio:latest',
          environment: {
            MINIO_ROOT_USER: env('aws_access_key_id'),
            MINIO_ROOT_PASSWORD: env('aws_secret_access_key'),
            MINIO_REGION: values.region,
          },
          // A folder under MinIO's data directory is a bucket: make the one the workload reads.
          entrypoint: ['sh', '-c'],
          command: [
            `mkdir -p /data/${bucket} && exec minio server /data --address :9000`,
          ],
        },
        note: `MinIO answers the S3 API at http://${slug}:9000 (from the workload) and http://localhost:9000 is not published; point the workload's S3 endpoint there.`,
      };
    }
    case 'dns':
      return {
        values: { host: 'localhost' },
        secrets: {},
        note: 'The workload answers on localhost at its published ports.',
      };
    default:
      return undefined;
  }
}
