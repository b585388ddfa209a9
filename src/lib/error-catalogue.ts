/**
 * The error catalogue: one entry per stable code, with what it means and how
 * to fix it. Codes are the deployment error codes of the API (e.g.
 * `RES-PROV-001`) and the Kubernetes reasons the V2 runtime reports (e.g.
 * `CrashLoopBackOff`). It lives in the console, not in the API, so the hints
 * also work against a real Humanitec API; the engine's health issues, the
 * deployment errors and the runtime's container reasons are all looked up here.
 */

/** Where the user goes to fix it. */
export type NextStep = 'workload' | 'logs' | 'resource' | 'diff' | 'values';

export interface CatalogueEntry {
  code: string;
  /** A short title: what happened. */
  title: string;
  /** Why it happens. */
  explanation: string;
  /** What to do. */
  fix: string;
  /** The most useful place to go next. */
  next: NextStep;
}

const ENTRIES: CatalogueEntry[] = [
  {
    code: 'RES-PROV-001',
    title: 'Resource provisioning failed',
    explanation:
      'The driver of the resource definition that matched a resource the deployment needs refused its inputs or failed to create it, so the deployment stopped before any workload was rolled out. The error names the definition, its version, its driver and the matching criteria that picked it; the inputs come from the definition’s driver inputs, overridden by the resource’s params. The environment keeps running its previous deployment.',
    fix: 'Correct the driver input named in the error: in the definition (open it from here; a platform team’s change there affects every environment it matches) or in the resource’s params (for example a supported `version`), or revert the change that introduced it; then deploy again.',
    next: 'diff',
  },
  {
    code: 'RES-PROV-002',
    title: 'Driver not reachable from the Orchestrator',
    explanation:
      'The resource definition that matched uses a custom driver whose URL is private (localhost, a private network address or an in-cluster host such as *.svc.cluster.local). In the direct mode the Platform Orchestrator calls drivers from outside the cluster, so it cannot reach this one. The environment keeps running its previous deployment.',
    fix: 'Deploy the environment through the Humanitec Operator: give its k8s-cluster definition `deployment_mode: operator` (or `gitops`), where the Operator calls the driver inside the cluster; or expose the driver at a public https URL. Then deploy again.',
    next: 'resource',
  },
  {
    code: 'OP-EXPORT-001',
    title: 'Exported manifest is invalid',
    explanation:
      'The deployment’s Operator resources (Namespace, ResourceDefinition, Resource, Workload) are checked against the Kubernetes and the Operator schemas before they are handed to the cluster or committed to the GitOps repository. One object broke a rule (the message names the object and the field), so nothing was written and the environment keeps running its previous deployment.',
    fix: 'Correct the workload field or the resource input the object’s field comes from (for example a whole number of replicas, or an id that is a valid Kubernetes name), then deploy again.',
    next: 'workload',
  },
  {
    code: 'OP-CRD-001',
    title: 'Operator too old for the resource',
    explanation:
      'The Humanitec Operator in the cluster does not serve this kind or feature yet (its version is the k8s-cluster definition’s `operator_version`): Workloads need 0.7.0, in-cluster custom drivers 0.9.0. The Operator refuses the object and the deployment fails.',
    fix: 'Upgrade the Operator in the cluster (helm upgrade humanitec-operator), then set the cluster definition’s `operator_version` to the version it runs and deploy again.',
    next: 'resource',
  },
  {
    code: 'OP-SECRET-001',
    title: 'In-cluster secret missing',
    explanation:
      'The Operator resolves secret references from the secret store inside the cluster. A secret the resource or workload reads is not there (deleted, or the store’s sync failed), so the Operator cannot reconcile the object.',
    fix: 'Restore the secret in the cluster’s secret store (or fix the store’s sync); the Operator reconciles again on its own. Check the SecretStore the Operator is configured with.',
    next: 'resource',
  },
  {
    code: 'OP-DRV-001',
    title: 'In-cluster driver failed',
    explanation:
      'In the Operator and GitOps modes the Operator runs the resource’s driver inside the cluster; the driver refused the inputs or failed to create the resource.',
    fix: 'Correct the driver input the message names in the resource definition (or the resource’s params), then deploy again.',
    next: 'resource',
  },
  {
    code: 'OP-DRIFT-001',
    title: 'Out of sync with git',
    explanation:
      'Someone changed an object in the live cluster (for example with kubectl edit), so it differs from what the GitOps repository holds. The controller overwrites it at the next sync; until then the environment runs something nobody committed.',
    fix: 'Resync the environment to restore git’s state, or make the change through a deployment so it is in git.',
    next: 'diff',
  },
  {
    code: 'WL-PROF-001',
    title: 'Workload profile not found',
    explanation:
      'The workload refers to a workload profile that does not exist in the organisation, so it cannot be rendered into Kubernetes objects. The environment keeps running its previous deployment.',
    fix: 'Set the workload’s profile to an existing one (a `humanitec/*` built-in or one of the organisation’s profiles), or publish the missing profile; then deploy again.',
    next: 'workload',
  },
  {
    code: 'RES-AGENT-001',
    title: 'Agent not connected',
    explanation:
      'The environment’s cluster is private and reached through a Humanitec Agent (its cluster definition references an `agent` resource), and that agent is not connected: it was cut off, its heartbeats stopped for more than 90 seconds, or it is not registered. The orchestrator cannot reach the cluster, so the deployment stopped before any resource or workload was changed. The error names the agent and when it was last seen. The environment keeps running its previous deployment.',
    fix: 'On the Agents page, check the agent’s status and last heartbeat; in the private cluster, check that the agent’s pod runs (`kubectl -n humanitec-agent get pods`) and can reach Humanitec over outbound HTTPS, and that its private key matches a registered key that has not expired (rotate it if it has). Then deploy again.',
    next: 'resource',
  },
  {
    code: 'WL-RES-001',
    title: 'Resource reference cannot be resolved',
    explanation:
      'A field of the workload’s profile refers to a resource (for example `${shared.db.host}`) that the environment does not have, or to one of a type or class the field does not accept, so the placeholder cannot be filled in. The environment keeps running its previous deployment.',
    fix: 'Open the workload’s form and pick one of the resources the field offers, or add the missing shared resource to the application with the type the field asks for; then deploy again.',
    next: 'workload',
  },
  {
    code: 'WL-RES-002',
    title: 'Placeholder cannot be filled',
    explanation:
      'A workload field has a placeholder (for example `${shared.db.host}` or `${externals.cache.url}`) that the deployment cannot fill: it names a resource the set does not have, or an output the resource’s driver did not give (each resource type has its own outputs, and the definition that matched decides what its driver returns). The message lists the outputs there are. The environment keeps running its previous deployment.',
    fix: 'Correct the placeholder in the workload to one of the outputs the message lists, or add the missing resource; if the output should exist, fix the resource definition that matched it. Then deploy again.',
    next: 'workload',
  },
  {
    code: 'WL-VAL-001',
    title: 'Value not defined',
    explanation:
      'The workload refers to a shared value (`${values.KEY}`) that the environment does not define in the value-set version the deployment used: neither the app nor the environment has that key. The environment keeps running its previous deployment.',
    fix: 'Add the value on the app’s Values page (for every environment, or as an override of this one), or remove the reference from the workload; then deploy again.',
    next: 'values',
  },
  {
    code: 'WL-VAL-002',
    title: 'Secret value cannot be read',
    explanation:
      'The workload refers to a secret value (`${values.KEY}`) whose content was purged from the history, or whose secret store is no longer registered, so it cannot be given to the container. The environment keeps running its previous deployment.',
    fix: 'Set the secret again on the app’s Values page (or register its secret store again); then deploy again.',
    next: 'values',
  },
  {
    code: 'RES-MATCH-001',
    title: 'No resource definition matches',
    explanation:
      'A resource the deployment needs (a shared resource, a workload’s private one or an implicit one) has no resource definition whose matching criteria fit it: none of its type and class names its resource id, environment, environment type or app, or a definition of the type has no criteria at all (which matches nothing). The message names the nearest definitions and the criteria field where each differs. The environment keeps running its previous deployment.',
    fix: 'Add a resource definition of the resource’s type with criteria that match (for example the environment type), or widen an existing definition’s criteria; “Which definition matches?” shows the candidates and why each lost. Then deploy again.',
    next: 'resource',
  },
  {
    code: 'CLD-001',
    title: 'Cloud provider error',
    explanation:
      'The cloud provider refused a request, often because the credentials of the cloud account are wrong or expired.',
    fix: 'Check the cloud account’s credentials in the platform settings, then deploy again.',
    next: 'diff',
  },
  {
    code: 'ImagePullBackOff',
    title: 'The image cannot be pulled',
    explanation:
      'Kubernetes cannot download the container image: the tag or repository does not exist, the registry host cannot be reached, or the cluster lacks credentials for it. It retries with a growing back-off.',
    fix: 'Check the image reference (registry, repository and tag) of the container and that the tag was pushed; fix it in the workload and deploy.',
    next: 'workload',
  },
  {
    code: 'ErrImagePull',
    title: 'The image cannot be pulled',
    explanation:
      'The first attempt to download the container image failed; Kubernetes will retry (and then report ImagePullBackOff).',
    fix: 'Check the image reference (registry, repository and tag) of the container; fix it in the workload and deploy.',
    next: 'workload',
  },
  {
    code: 'InvalidImageName',
    title: 'The image name is invalid',
    explanation:
      'The container’s image reference is empty or not a valid image name, so Kubernetes cannot even try to pull it.',
    fix: 'Set a valid image such as `registry.example.com/team/app:1.2.3` on the container and deploy.',
    next: 'workload',
  },
  {
    code: 'CreateContainerConfigError',
    title: 'The container cannot be configured',
    explanation:
      'Kubernetes cannot build the container’s configuration, usually because a variable or file refers to a secret or config map that does not exist.',
    fix: 'Create the missing secret named in the message, or correct the variable that refers to it; then deploy again.',
    next: 'workload',
  },
  {
    code: 'CreateContainerError',
    title: 'The container cannot be created',
    explanation:
      'The container runtime failed to create the container, for example because of a bad command or a volume that cannot be mounted.',
    fix: 'Read the message for the failing part, correct the workload’s container and deploy.',
    next: 'workload',
  },
  {
    code: 'CrashLoopBackOff',
    title: 'The container keeps crashing',
    explanation:
      'The container starts and exits with an error again and again; Kubernetes restarts it after a back-off that grows up to 5 minutes. The cause is in the application: its logs show the last error before it exited.',
    fix: 'Read the container’s logs for the error, then fix the command, configuration or image that makes it exit, or roll back to the previous deployment.',
    next: 'logs',
  },
  {
    code: 'OOMKilled',
    title: 'Out of memory',
    explanation:
      'The container used more memory than its limit and the kernel killed it (exit code 137). Kubernetes restarts it, and it will be killed again as long as it needs more than the limit.',
    fix: 'Raise the container’s memory limit (`resources.limits.memory`) above what it needs, or make it use less memory; then deploy.',
    next: 'workload',
  },
  {
    code: 'Error',
    title: 'The container exited with an error',
    explanation: 'The container’s process ended with a non-zero exit code.',
    fix: 'Read the container’s logs for the error and fix the application or its configuration.',
    next: 'logs',
  },
];

const BY_CODE = new Map(ENTRIES.map((entry) => [entry.code, entry]));

/** The catalogue entry of a code (a deployment error code or a Kubernetes reason), if known. */
export function catalogueEntry(
  code: string | undefined,
): CatalogueEntry | undefined {
  return code ? BY_CODE.get(code) : undefined;
}

/** Every entry, in catalogue order. */
export function catalogueEntries(): readonly CatalogueEntry[] {
  return ENTRIES;
}
