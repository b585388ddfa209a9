// Humanitec's official TypeScript client (`@humanitec/autogen`) drives artefacts and registries (issue 19 §3)
// against a real `npm run api` (mocks/server.ts on a free port, a temporary data file): CI pushes container image
// versions (a dry run first), lists them in the organisation and per artefact with the spec's filters, reads one,
// archives one via PATCH and deletes an artefact; registries are created, listed, read, changed and deleted, and
// their credentials are never returned in full. Every response body is checked against the spec
// (contract-rules.ts) as it arrives. The engine is spawned, never imported. The client parses these bodies
// correctly; the raw response is read only where the exact JSON matters (a 204 dry run, no password in the text).
import { describe, expect, it } from 'vitest';
import { ARTEFACT_OPERATIONS_BY_CLIENT_NAME } from './official-client-areas';
import {
  refusal,
  officialClientHarness,
} from './testing/official-client-harness';

const api = officialClientHarness('official-client-artefacts');
const { admin, developer, viewer, problems, called } = api;
const orgId = 'acme';
/** A fresh image name per run. */
const IMAGE = `registry.acme.dev/oc-${Date.now().toString(36)}/api`;
const DIGEST = `sha256:${'0f'.repeat(32)}`;

/** A container version as the server answers it. */
interface Version {
  type: string;
  id: string;
  artefact_id: string;
  name: string;
  version: string;
  commit: string;
  ref: string;
  digest: string;
  archived: boolean;
}

const TIMEOUT_MS = 240_000;

describe(
  'the official client drives artefacts and registries',
  { timeout: TIMEOUT_MS },
  () => {
    it('pushes container image versions, lists and filters them, archives one and deletes the artefact', async () => {
      const push = (version: string) => ({
        type: 'container' as const,
        name: IMAGE,
        version,
        commit: '0123abcd',
        ref: 'refs/heads/main',
        digest: DIGEST,
      });
      // A dry run checks and keeps nothing (204).
      const dry = await admin.createArtefactVersionRaw({
        orgId,
        dry_run: true,
        CreateArtefactVersion: push('1.0.0'),
      });
      expect(dry.raw.status).toBe(204);
      const first = (await (
        await admin.createArtefactVersionRaw({
          orgId,
          vcs: 'git',
          CreateArtefactVersion: push('1.0.0'),
        })
      ).raw.json()) as Version;
      expect(first).toMatchObject({
        type: 'container',
        name: IMAGE,
        version: '1.0.0',
        commit: '0123abcd',
        ref: 'refs/heads/main',
        digest: DIGEST,
        archived: false,
      });
      const second = (await admin.createArtefactVersion({
        orgId,
        CreateArtefactVersion: push('1.1.0'),
      })) as unknown as Version;
      expect(second.version).toBe('1.1.0');
      expect(second.artefact_id).toBe(first.artefact_id);
      // Newest first, by name and by reference.
      const byName = await viewer.listArtefactVersionsInOrg({
        orgId,
        name: IMAGE,
      });
      expect(byName.map((v) => v.id)).toEqual([second.id, first.id]);
      const byReference = await viewer.listArtefactVersionsInOrg({
        orgId,
        reference: `${IMAGE}:1.0.0`,
      });
      expect(byReference.map((v) => v.id)).toEqual([first.id]);
      expect(
        (
          await viewer.getArtefactVersion({
            orgId,
            artefactVersionId: first.id,
          })
        ).id,
      ).toBe(first.id);
      const artefacts = await viewer.listArtefacts({ orgId, name: IMAGE });
      expect(artefacts.map((a) => [a.id, a.name, a.type])).toEqual([
        [first.artefact_id, IMAGE, 'container'],
      ]);
      // Archive via PATCH: archived versions leave the default list and answer `archived=true`.
      const archived = await admin.patchArtefactVersion({
        orgId,
        artefactId: first.artefact_id,
        versionId: first.id,
        UpdateArtefactVersionPayloadRequest: { archived: true },
      });
      expect(archived.archived).toBe(true);
      expect(
        (
          await viewer.listArtefactVersions({
            orgId,
            artefactId: first.artefact_id,
          })
        ).map((v) => v.id),
      ).toEqual([second.id]);
      expect(
        (
          await viewer.listArtefactVersions({
            orgId,
            artefactId: first.artefact_id,
            archived: true,
            limit: 1,
          })
        ).map((v) => v.id),
      ).toEqual([first.id]);
      // Refusals: a developer may not push, a bad commit is 400, an unknown version 404.
      const forbidden = await refusal(
        developer.createArtefactVersion({
          orgId,
          CreateArtefactVersion: push('2.0.0'),
        }),
      );
      expect(forbidden.status).toBe(403);
      expect(forbidden.message).toMatch(/artefactContributor/);
      expect(
        (
          await refusal(
            admin.createArtefactVersion({
              orgId,
              CreateArtefactVersion: { ...push('2.0.0'), commit: 'nope' },
            }),
          )
        ).status,
      ).toBe(400);
      expect(
        (
          await refusal(
            viewer.getArtefactVersion({ orgId, artefactVersionId: 'nope' }),
          )
        ).status,
      ).toBe(404);
      await admin.deleteArtefact({ orgId, artefactId: first.artefact_id });
      expect(
        await viewer.listArtefactVersionsInOrg({ orgId, name: IMAGE }),
      ).toEqual([]);
      expect(problems).toEqual([]);
    });

    it('creates, lists, reads, changes and deletes registries; credentials never come back in full', async () => {
      const id = `oc-${Date.now().toString(36)}`;
      const password = `planted-${id}-password`;
      const created = await admin.orgsOrgIdRegistriesPostRaw({
        orgId,
        RegistryRequest: {
          id,
          registry: 'registry.oc.example/acme',
          type: 'basic',
          enable_ci: true,
          creds: { username: 'ci', password },
        },
      });
      expect(created.raw.status).toBe(201);
      const createdText = await created.raw.clone().text();
      expect(createdText).not.toContain(password);
      expect(JSON.parse(createdText)).toMatchObject({
        id,
        registry: 'registry.oc.example/acme',
        type: 'basic',
        enable_ci: true,
      });
      expect(
        (await viewer.orgsOrgIdRegistriesGet({ orgId })).map((r) => r.id),
      ).toContain(id);
      expect(
        (await viewer.orgsOrgIdRegistriesRegIdGet({ orgId, regId: id }))
          .registry,
      ).toBe('registry.oc.example/acme');
      const creds = await admin.orgsOrgIdRegistriesRegIdCredsGetRaw({
        orgId,
        regId: id,
      });
      const credsText = await creds.raw.text();
      expect(credsText).not.toContain(password);
      expect(JSON.parse(credsText)).toEqual({
        registry: 'registry.oc.example/acme',
        username: 'ci',
        password: '********',
      });
      expect(
        (
          await refusal(
            developer.orgsOrgIdRegistriesRegIdCredsGet({ orgId, regId: id }),
          )
        ).status,
      ).toBe(403);
      const patched = await admin.orgsOrgIdRegistriesRegIdPatch({
        orgId,
        regId: id,
        RegistryRequest: {
          id,
          registry: 'ghcr.io/acme',
          type: 'secret_ref',
          secrets: { 'prod-eu': { namespace: 'acme', secret: 'ghcr-pull' } },
        },
      });
      expect(patched).toMatchObject({
        registry: 'ghcr.io/acme',
        type: 'secret_ref',
        enable_ci: false,
        secrets: { 'prod-eu': { namespace: 'acme', secret: 'ghcr-pull' } },
      });
      expect(
        (
          await refusal(
            admin.orgsOrgIdRegistriesPost({
              orgId,
              RegistryRequest: { id, registry: 'ghcr.io/acme', type: 'basic' },
            }),
          )
        ).status,
      ).toBe(409);
      expect(
        (
          await refusal(
            developer.orgsOrgIdRegistriesRegIdDelete({ orgId, regId: id }),
          )
        ).status,
      ).toBe(403);
      await admin.orgsOrgIdRegistriesRegIdDelete({ orgId, regId: id });
      expect(
        (
          await refusal(
            viewer.orgsOrgIdRegistriesRegIdGet({ orgId, regId: id }),
          )
        ).status,
      ).toBe(404);
      expect(problems).toEqual([]);
    });

    it('called every artefact and registry operation through the client', () => {
      expect([...called].sort()).toEqual(
        expect.arrayContaining(
          Object.values(ARTEFACT_OPERATIONS_BY_CLIENT_NAME),
        ),
      );
    });
  },
);
