/** `get artefacts` and `push artefact-version`: the organisation's container images and CI's pushes. */
import { createApiClient, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { render } from './output';
import {
  orgOf,
  UsageError,
  type CommandContext,
  type CommandResult,
} from './commands';

/** The artefact calls, on the console's typed client with the CLI's base URL and token. */
function artefactApi(ctx: CommandContext) {
  const api = createApiClient({
    baseUrl: ctx.settings.apiUrl,
    token: () => ctx.settings.token,
  });
  return {
    listVersions: (orgId: string) =>
      unwrap(
        api.GET('/orgs/{orgId}/artefact-versions', {
          params: { path: { orgId } },
        }),
      ),
    push: (
      orgId: string,
      body: {
        type: 'container';
        name: string;
        version?: string;
        commit?: string;
        ref?: string;
        digest?: string;
      },
    ) =>
      // 200 with the version (a 204 only answers a dry run, which the CLI never asks for).
      unwrap(
        api.POST('/orgs/{orgId}/artefact-versions', {
          params: { path: { orgId } },
          body,
        }),
      ) as Promise<components['schemas']['ContainerArtefactVersion']>,
  };
}

/** `get artefacts`: every version not archived, newest first (image, tag, commit, ref, pushed when and by whom). */
export async function getArtefacts(
  ctx: CommandContext,
): Promise<CommandResult> {
  const versions = await artefactApi(ctx).listVersions(await orgOf(ctx));
  return {
    code: 0,
    out: render(ctx.output, versions, [
      { header: 'image', value: (v) => v.name },
      { header: 'version', value: (v) => v.version },
      { header: 'commit', value: (v) => v.commit?.slice(0, 12) },
      { header: 'ref', value: (v) => v.ref },
      { header: 'pushed', value: (v) => v.created_at },
      { header: 'by', value: (v) => v.created_by },
    ]),
  };
}

/** Splits `name:tag` (a registry port's colon stays in the name); the tag is required. */
function splitImage(image: string): { name: string; version: string } {
  const at = image.lastIndexOf(':');
  if (at <= image.lastIndexOf('/') || at === image.length - 1)
    throw new UsageError(
      `push artefact-version needs <image:tag>, e.g. registry.example.com/acme/api:1.4.2 (got "${image}").`,
    );
  return { name: image.slice(0, at), version: image.slice(at + 1) };
}

/** `push artefact-version <image:tag> --commit <sha> --ref <ref> [--digest sha256:…]`: what CI runs after a build. */
export async function push(
  ctx: CommandContext,
  rest: string[],
): Promise<CommandResult> {
  const [what, image] = rest;
  if (what !== 'artefact-version')
    throw new UsageError(
      `push what? Use: push artefact-version <image:tag> --commit <sha> --ref <ref>${what ? ` (not "${what}")` : ''}.`,
    );
  if (!image) throw new UsageError('push artefact-version needs <image:tag>.');
  const { commit, ref, digest } = ctx.options;
  if (!commit) throw new UsageError('Missing --commit <sha>.');
  if (!ref) throw new UsageError('Missing --ref <ref> (e.g. refs/heads/main).');
  const version = await artefactApi(ctx).push(await orgOf(ctx), {
    type: 'container',
    ...splitImage(image),
    commit,
    ref,
    ...(digest ? { digest } : {}),
  });
  return {
    code: 0,
    out:
      ctx.output === 'table'
        ? `Pushed ${version.name}:${version.version} (commit ${version.commit}, ${version.ref}) as artefact version ${version.id}.`
        : render(ctx.output, version, []),
  };
}
