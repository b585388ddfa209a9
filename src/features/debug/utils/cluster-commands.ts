/**
 * The commands that do against a real cluster what the simulated shell does
 * on the embedded engine: exec into a container, port-forward each service
 * and resource, read logs and attach an ephemeral busybox debug container
 * (`kubectl debug --target`), filled with the environment's cluster context,
 * namespace, pod and container, plus the `humctl api` calls that read the
 * same runtime and logs through Humanitec. Pure text: the shell panel shows
 * each block with a copy button, and a test pins them.
 */

/** What the commands are for; an unknown cluster stays a shell variable the reader sets. */
export interface ClusterTarget {
  orgId: string;
  appId: string;
  envId: string;
  /** The kubeconfig context of the environment's cluster (its k8s-cluster resource's name), when known. */
  cluster?: string;
  namespace: string;
  workloadId: string;
  podName: string;
  containerId: string;
  /** The environment's services: workload ids and the ports they publish. */
  services: { id: string; ports: number[] }[];
  /** The environment's resources that have a host and a port (postgres, redis…). */
  resources: { id: string; type: string; host: string; port: number }[];
}

export interface ClusterCommand {
  id: string;
  title: string;
  /** What it does, one sentence. */
  description: string;
  text: string;
}

/** The busybox image of the debug container. */
export const DEBUG_IMAGE = 'busybox:1.36';

/** A word for a POSIX shell: as it is when safe, else single-quoted. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9_./:=@%+-]+$/.test(word)
    ? word
    : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** `kubectl` with the environment's context and namespace. */
function kubectl(t: ClusterTarget): string {
  const context = t.cluster ? shellWord(t.cluster) : '"$KUBE_CONTEXT"';
  return `kubectl --context ${context} --namespace ${shellWord(t.namespace)}`;
}

/** A Kubernetes name for a relay pod of a resource (`shared.db` → `relay-shared-db`). */
export function relayPodName(resourceId: string): string {
  const slug = resourceId
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `relay-${slug}`.slice(0, 63).replace(/-+$/, '');
}

function envPath(t: ClusterTarget): string {
  return `/orgs/${encodeURIComponent(t.orgId)}/apps/${encodeURIComponent(t.appId)}/envs/${encodeURIComponent(t.envId)}`;
}

/** Every command for the target, in the order the panel shows them. */
export function clusterCommands(t: ClusterTarget): ClusterCommand[] {
  const k = kubectl(t);
  const pod = shellWord(t.podName);
  const container = shellWord(t.containerId);
  const commands: ClusterCommand[] = [
    {
      id: 'exec',
      title: 'Open a shell in the container',
      description: `An interactive shell in ${t.containerId} of pod ${t.podName} (needs a shell in its image).`,
      text: `${k} exec -it ${pod} --container ${container} -- sh`,
    },
    {
      id: 'logs',
      title: 'Follow its logs',
      description:
        'The container’s log, followed; --previous shows the run before the last restart of a crash-looping one.',
      text: [
        `${k} logs ${pod} --container ${container} --follow`,
        `${k} logs ${pod} --container ${container} --previous`,
      ].join('\n'),
    },
    {
      id: 'debug',
      title: 'Attach a debug container (busybox)',
      description: `An ephemeral busybox container in the pod sharing the process namespace of ${t.containerId}, for a container that crashes or has no shell.`,
      text: `${k} debug -it ${pod} --image=${DEBUG_IMAGE} --target=${container} -- sh`,
    },
  ];
  for (const service of t.services)
    for (const port of service.ports)
      commands.push({
        id: `forward-service-${service.id}-${port}`,
        title: `Port-forward service ${service.id}:${port}`,
        description: `Reach the workload's service on localhost:${port}.`,
        text: `${k} port-forward service/${shellWord(service.id)} ${port}:${port}`,
      });
  for (const r of t.resources) {
    const relay = relayPodName(r.id);
    commands.push({
      id: `forward-resource-${r.id}`,
      title: `Port-forward ${r.id} (${r.type})`,
      description: `Reach ${r.host}:${r.port} on localhost:${r.port} through a relay pod in the namespace (delete it when done).`,
      text: [
        `${k} run ${relay} --image=alpine/socat --restart=Never -- tcp-listen:${r.port},fork,reuseaddr tcp-connect:${shellWord(r.host)}:${r.port}`,
        `${k} wait --for=condition=Ready pod/${relay}`,
        `${k} port-forward pod/${relay} ${r.port}:${r.port}`,
        `${k} delete pod ${relay}`,
      ].join('\n'),
    });
  }
  commands.push({
    id: 'humctl',
    title: 'The same through Humanitec (humctl)',
    description:
      'The environment’s runtime (pods and container states) and the container’s log entries, through the Humanitec API.',
    text: [
      `humctl api get ${envPath(t)}/runtime`,
      `humctl api get '${envPath(t)}/logs?workload_id=${encodeURIComponent(t.workloadId)}&container_id=${encodeURIComponent(t.containerId)}'`,
    ].join('\n'),
  });
  return commands;
}
