/**
 * `get agents` and `register agent --id <id> --key-file <public.pem>`: the
 * organisation's Humanitec Agents (administrators only) with their status,
 * and registering one with the public half of a key made with openssl. The
 * key file is sent as it is (the API checks it: RSA, at least 4,096 bits);
 * a private key is refused here before anything is sent.
 */
import { readFileSync } from 'node:fs';
import { createApiClient, unwrap } from '@/api/client';
import { agentStatus } from '@/lib/status';
import { render } from './output';
import {
  need,
  orgOf,
  UsageError,
  type CommandContext,
  type CommandResult,
} from './commands';

function agentApi(ctx: CommandContext) {
  const api = createApiClient({
    baseUrl: ctx.settings.apiUrl,
    token: () => ctx.settings.token,
  });
  return {
    overview: (orgId: string) =>
      unwrap(
        api.GET('/orgs/{orgId}/console/agents', {
          params: { path: { orgId } },
        }),
      ),
    register: (orgId: string, id: string, publicKey: string) =>
      unwrap(
        api.POST('/orgs/{orgId}/agents', {
          params: { path: { orgId } },
          body: { id, public_key: publicKey },
        }),
      ),
    keys: (orgId: string, agentId: string) =>
      unwrap(
        api.GET('/orgs/{orgId}/agents/{agentId}/keys', {
          params: { path: { orgId, agentId } },
        }),
      ),
  };
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** `2026-12-14 (in 10 days)`, or `… (expired)`. */
function expiry(iso: string, now = Date.now()): string {
  const days = Math.floor((Date.parse(iso) - now) / DAY_MS);
  const when = days < 0 ? 'expired' : `in ${days} day${days === 1 ? '' : 's'}`;
  return `${iso.slice(0, 10)} (${when})`;
}

/** `get agents`: id, status, version, last seen, the key expiring first, what depends on it. */
export async function getAgents(ctx: CommandContext): Promise<CommandResult> {
  const agents = await agentApi(ctx).overview(await orgOf(ctx));
  return {
    code: 0,
    out: render(ctx.output, agents, [
      { header: 'id', value: (a) => a.id },
      {
        header: 'status',
        // Never a heartbeat: registered, not installed yet (not gone silent). The console's words, in lower case.
        value: (a) => agentStatus(a).label.toLowerCase(),
      },
      { header: 'version', value: (a) => a.version || '-' },
      { header: 'last seen', value: (a) => a.last_seen_at ?? 'never' },
      {
        header: 'keys',
        value: (a) => {
          const soonest = [...a.keys].sort((x, y) =>
            x.expired_at.localeCompare(y.expired_at),
          )[0];
          return soonest
            ? `${a.keys.length}, first expires ${expiry(soonest.expired_at)}`
            : '0';
        },
      },
      {
        header: 'environments',
        value: (a) =>
          a.environments.map((e) => `${e.app_id}/${e.env_id}`).join(' ') || '-',
      },
    ]),
  };
}

/** `register agent --id <id> --key-file <public.pem>`: registers it; prints its key's fingerprint and expiry. */
export async function registerAgent(
  ctx: CommandContext,
  what: string | undefined,
): Promise<CommandResult> {
  if (what !== 'agent')
    throw new UsageError(
      'Usage: register agent --id <id> --key-file <public.pem>',
    );
  const id = need(ctx.options.id, '--id');
  const file = need(ctx.options.keyFile, '--key-file');
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `Cannot read the key file ${file}: ${(error as Error).message}`,
    );
  }
  // Never send a private key anywhere: it would have to be replaced.
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem))
    throw new UsageError(
      `${file} holds a private key: register its public half instead (openssl pkey -in ${file} -pubout -out agent.pub.pem).`,
    );
  const orgId = await orgOf(ctx);
  const api = agentApi(ctx);
  const agent = await api.register(orgId, id, pem);
  const [key] = await api.keys(orgId, agent.id);
  if (ctx.output !== 'table')
    return { code: 0, out: render(ctx.output, { agent, key }, []) };
  return {
    code: 0,
    out: [
      `Registered agent ${agent.id} in ${orgId}.`,
      `Key fingerprint: ${key.fingerprint}`,
      `Key expires: ${expiry(key.expired_at)}`,
      `Install it in the private cluster with the private key: helm install humanitec-agent oci://ghcr.io/humanitec/charts/humanitec-agent --namespace humanitec-agent --create-namespace --set humanitec.org=${orgId} --set humanitec.agentId=${agent.id} --set-file humanitec.privateKey=<private key file>`,
      `It shows as connected in \`get agents\` once its first heartbeat arrives.`,
      '',
    ].join('\n'),
  };
}
