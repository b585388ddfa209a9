import type { QueryClient } from '@tanstack/react-query';
import { gitopsQueries } from '@/api/queries/gitops';
import {
  loadDiffRenderer,
  prerenderDiff,
} from '@/components/editors/diff-view-cache';
import {
  diffExportsCached,
  diffsShownFirst,
  entryDiffInput,
} from './export-diff';

type Params = { orgId: string; appId: string; envId: string; deployId: string };

/**
 * Starts loading what the deployment page's export panel shows, beside the
 * page's own data: the deployment's GitOps detail, then both exports of the
 * manifest diff (this one and the previous, every object), so the diff can be
 * shown as soon as the page is. Errors are left to the panel. The environment
 * page calls it too, when the browser is idle, for its newest deployment.
 */
export function prefetchExportDiff(queryClient: QueryClient, params: Params) {
  const { orgId, appId, envId, deployId } = params;
  queryClient
    .fetchQuery(gitopsQueries.deploy(orgId, appId, envId, deployId))
    .then((gitops) => {
      if (!gitops || gitops.export_status !== 'succeeded') return;
      // The text diff's renderer (diff2html) loads with the first diff, not with the page.
      void loadDiffRenderer().catch(() => {});
      const previousId = gitops.previous_deploy_id ?? undefined;
      const exportOf = (id: string) =>
        queryClient.fetchQuery(
          gitopsQueries.export(orgId, appId, envId, id, 'full'),
        );
      return Promise.all([
        exportOf(deployId),
        previousId ? exportOf(previousId) : undefined,
      ]).then(([after, before]) => {
        // The comparison and its first text diffs too, while the browser is idle: the page then shows them
        // without computing them.
        if (typeof after === 'string')
          whenIdle(() => {
            const diff = diffExportsCached(before ?? undefined, after);
            for (const entry of diffsShownFirst(diff, before === undefined))
              void prerenderDiff(entryDiffInput(entry));
          });
      });
    })
    .catch(() => {});
}

/** Runs `task` when the browser is idle (soon, where it cannot say). */
function whenIdle(task: () => void) {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 0);
}
