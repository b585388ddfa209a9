import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { deploymentQueries } from './deployments';
import { envQueries } from './environments';
import { healthQueries } from './health';
import { pipelineQueries } from './pipelines';
import { runtimeQueries } from './runtime';
import { setQueries } from './sets';
import { byPrefix, keys } from './keys';

/** A cache holding one entry per key (data is irrelevant: only the keys are matched). */
function cacheWith(entries: QueryKey[]) {
  const client = new QueryClient();
  for (const key of entries) client.setQueryData(key, { key });
  return client;
}

/** The keys of the entries `invalidateQueries(filters)` marks stale, as JSON for easy comparison. */
async function invalidated(
  client: QueryClient,
  filters: { queryKey: QueryKey },
) {
  await client.invalidateQueries({ ...filters, refetchType: 'none' });
  return client
    .getQueryCache()
    .getAll()
    .filter((q) => q.state.isInvalidated)
    .map((q) => JSON.stringify(q.queryKey))
    .sort();
}

const json = (...list: QueryKey[]) => list.map((k) => JSON.stringify(k)).sort();

describe('query keys', () => {
  // Two apps of one organisation, one of another organisation with the same ids.
  const shop = {
    detail: keys.appDetail('acme', 'shop'),
    envList: envQueries.list('acme', 'shop').queryKey,
    env: envQueries.detail('acme', 'shop', 'dev').queryKey,
    deploys: deploymentQueries.list('acme', 'shop', 'dev').queryKey,
    deploy: deploymentQueries.detail('acme', 'shop', 'dev', 'd1').queryKey,
    steps: deploymentQueries.steps('acme', 'shop', 'dev', 'd1').queryKey,
    runtime: runtimeQueries.env('acme', 'shop', 'dev').queryKey,
    summaries: runtimeQueries.summaries('acme', 'shop', ['dev', 'prod'])
      .queryKey,
    envHealth: healthQueries.env('acme', 'shop', 'dev').queryKey,
    appHealth: healthQueries.app('acme', 'shop').queryKey,
    set: setQueries.set('acme', 'shop', 'set-1').queryKey,
    pipelines: pipelineQueries.list('acme', 'shop').queryKey,
    canary: pipelineQueries.canary('acme', 'shop', 'dev').queryKey,
  };
  const shopProd = {
    env: envQueries.detail('acme', 'shop', 'prod').queryKey,
    deploys: deploymentQueries.list('acme', 'shop', 'prod').queryKey,
  };
  const blog = {
    envList: envQueries.list('acme', 'blog').queryKey,
    deploys: deploymentQueries.list('acme', 'blog', 'dev').queryKey,
  };
  const otherOrg = { shopEnvs: envQueries.list('globex', 'shop').queryKey };
  const orgWide = {
    orgs: keys.orgList(),
    orgHealth: healthQueries.org('acme').queryKey,
    currentUser: keys.currentUser(),
  };
  const all = [
    ...Object.values(shop),
    ...Object.values(shopProd),
    ...Object.values(blog),
    ...Object.values(otherOrg),
    ...Object.values(orgWide),
  ];

  it("invalidating an app's prefix reaches everything of that app and nothing of another app or organisation", async () => {
    const client = cacheWith(all);
    expect(await invalidated(client, byPrefix.app('acme', 'shop'))).toEqual(
      json(...Object.values(shop), ...Object.values(shopProd)),
    );
  });

  it("invalidating an app's environments reaches every environment's deployments, runtime and health, not the app's sets or pipelines", async () => {
    const client = cacheWith(all);
    expect(await invalidated(client, byPrefix.envs('acme', 'shop'))).toEqual(
      json(
        shop.envList,
        shop.env,
        shop.deploys,
        shop.deploy,
        shop.steps,
        shop.runtime,
        shop.summaries,
        shop.envHealth,
        shop.canary,
        shopProd.env,
        shopProd.deploys,
      ),
    );
  });

  it('invalidating one environment leaves its siblings alone', async () => {
    const client = cacheWith(all);
    expect(
      await invalidated(client, byPrefix.env('acme', 'shop', 'dev')),
    ).toEqual(
      json(
        shop.env,
        shop.deploys,
        shop.deploy,
        shop.steps,
        shop.runtime,
        shop.envHealth,
        shop.canary,
      ),
    );
  });

  it("invalidating an organisation's console extensions reaches its health, not an app's", async () => {
    const client = cacheWith(all);
    expect(await invalidated(client, byPrefix.orgConsole('acme'))).toEqual(
      json(orgWide.orgHealth),
    );
  });

  it('an organisation prefix does not reach the current user or the organisation list', async () => {
    const client = cacheWith(all);
    const hit = await invalidated(client, byPrefix.org('acme'));
    expect(hit).not.toContain(JSON.stringify(orgWide.currentUser));
    expect(hit).not.toContain(JSON.stringify(orgWide.orgs));
    expect(hit).not.toContain(JSON.stringify(otherOrg.shopEnvs));
    expect(hit).toContain(JSON.stringify(blog.deploys));
  });

  it('each query of a resource has one key, whichever page asks for it', () => {
    // The environment list that the app page, the sidebar, diff, clone and pipelines all use.
    expect(envQueries.list('acme', 'shop').queryKey).toEqual([
      'orgs',
      'acme',
      'apps',
      'shop',
      'envs',
      'list',
    ]);
    expect(envQueries.list('acme', 'shop').refetchInterval).toBe(10_000);
    expect(
      deploymentQueries.detail('acme', 'shop', 'dev', 'd1').queryKey,
    ).toEqual(keys.deploy('acme', 'shop', 'dev', 'd1'));
  });

  it('byPrefix builds the filter of exactly the key of the same name', () => {
    expect(byPrefix.deltas('acme', 'shop')).toEqual({
      queryKey: ['orgs', 'acme', 'apps', 'shop', 'deltas'],
    });
    expect(byPrefix.orgTokens('acme')).toEqual({
      queryKey: keys.orgTokens('acme'),
    });
    expect(byPrefix.currentUser()).toEqual({ queryKey: ['current-user'] });
  });
});
