import { describe, expect, it } from 'vitest';
import {
  clusterCommands,
  relayPodName,
  shellWord,
  type ClusterTarget,
} from './cluster-commands';

const target: ClusterTarget = {
  orgId: 'acme',
  appId: 'shop',
  envId: 'staging',
  cluster: 'gke-eu-staging',
  namespace: 'shop-staging',
  workloadId: 'cart',
  podName: 'cart-6d9f7b-x2k4q',
  containerId: 'cart',
  services: [{ id: 'api', ports: [8080] }],
  resources: [
    { id: 'shared.db', type: 'postgres', host: 'db.internal', port: 5432 },
  ],
};
const K = 'kubectl --context gke-eu-staging --namespace shop-staging';
const text = (t: ClusterTarget, id: string) =>
  clusterCommands(t).find((c) => c.id === id)?.text;

describe('clusterCommands', () => {
  it('execs into the container of the pod', () => {
    expect(text(target, 'exec')).toBe(
      `${K} exec -it cart-6d9f7b-x2k4q --container cart -- sh`,
    );
  });

  it('follows the logs and shows the previous run', () => {
    expect(text(target, 'logs')).toBe(
      `${K} logs cart-6d9f7b-x2k4q --container cart --follow\n` +
        `${K} logs cart-6d9f7b-x2k4q --container cart --previous`,
    );
  });

  it('attaches an ephemeral busybox container targeting the container', () => {
    expect(text(target, 'debug')).toBe(
      `${K} debug -it cart-6d9f7b-x2k4q --image=busybox:1.36 --target=cart -- sh`,
    );
  });

  it('port-forwards each service port and each resource through a relay pod', () => {
    expect(text(target, 'forward-service-api-8080')).toBe(
      `${K} port-forward service/api 8080:8080`,
    );
    expect(text(target, 'forward-resource-shared.db')!.split('\n')).toEqual([
      `${K} run relay-shared-db --image=alpine/socat --restart=Never -- tcp-listen:5432,fork,reuseaddr tcp-connect:db.internal:5432`,
      `${K} wait --for=condition=Ready pod/relay-shared-db`,
      `${K} port-forward pod/relay-shared-db 5432:5432`,
      `${K} delete pod relay-shared-db`,
    ]);
  });

  it('reads the runtime and logs through humctl api', () => {
    expect(text(target, 'humctl')).toBe(
      'humctl api get /orgs/acme/apps/shop/envs/staging/runtime\n' +
        "humctl api get '/orgs/acme/apps/shop/envs/staging/logs?workload_id=cart&container_id=cart'",
    );
  });

  it('leaves an unknown cluster as a variable the reader sets', () => {
    expect(text({ ...target, cluster: undefined }, 'exec')).toMatch(
      /^kubectl --context "\$KUBE_CONTEXT" --namespace shop-staging exec/,
    );
  });

  it('quotes what the shell would split', () => {
    expect(shellWord('a b')).toBe("'a b'");
    expect(shellWord("it's")).toBe(`'it'\\''s'`);
    expect(shellWord('cart-1')).toBe('cart-1');
    expect(relayPodName('modules.api.externals.Cache')).toBe(
      'relay-modules-api-externals-cache',
    );
  });
});
