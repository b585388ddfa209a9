/**
 * The commands of the "Operator and GitOps setup" page, written for one
 * organisation and, when known, one environment and its repository. Pure
 * text: the page shows each block with a copy button, and a test pins them.
 *
 * The Operator's install follows Humanitec's documentation (its Helm chart in
 * GitHub's OCI registry, namespace `humanitec-operator-system`); the GitOps
 * controllers are pointed at the folder the engine writes an environment to,
 * `<org>/<app>/<env>/`.
 */

/** Where the commands point; anything unknown stays a shell variable the reader sets. */
export interface SetupTarget {
  orgId: string;
  appId?: string;
  envId?: string;
  /** The repository's URL, as a GitOps controller in the cluster reaches it. */
  repoUrl?: string;
  /** The branch the engine commits the environment to. */
  branch?: string;
  /** The folder of the environment in the repository (default `<org>/<app>/<env>`). */
  path?: string;
}

export interface CommandBlock {
  id: string;
  title: string;
  /** What the block does and why, one or two sentences. */
  description: string;
  language: 'sh' | 'yaml';
  text: string;
}

export const OPERATOR_NAMESPACE = 'humanitec-operator-system';
export const OPERATOR_CHART =
  'oci://ghcr.io/humanitec/charts/humanitec-operator';
/** Where Humanitec documents the Operator's installation. */
export const OPERATOR_DOCS_URL =
  'https://developer.humanitec.com/integration-and-extensions/humanitec-operator/installation/';

/** The folder the engine writes an environment's manifests to. */
export function environmentPath(target: SetupTarget) {
  if (target.path) return target.path.replace(/^\/+|\/+$/g, '');
  return [target.orgId, target.appId ?? '$APP', target.envId ?? '$ENV'].join(
    '/',
  );
}

/** A name Argo CD and Flux accept for the environment's application (lower-case, dashes). */
export function controllerAppName(target: SetupTarget) {
  const parts = [target.appId ?? 'app', target.envId ?? 'env'];
  return parts
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Whether a repository location is one a controller can clone (a URL, an scp-like `git@host:path` or an absolute
 * path), not a description such as the embedded engine's in-memory repository.
 */
export function isCloneUrl(location: string | undefined): location is string {
  return (
    !!location &&
    !/\s/.test(location) &&
    /^([a-z][a-z0-9+.-]*:\/\/|[\w.-]+@[\w.-]+:|\/)/i.test(location)
  );
}

/** The variables every later block reads: set once, at the top. */
function variablesBlock(target: SetupTarget): CommandBlock {
  const repoUrl = isCloneUrl(target.repoUrl) ? target.repoUrl : undefined;
  const lines = [
    `export HUMANITEC_ORG=${target.orgId}`,
    `export GITOPS_REPO=${repoUrl ?? 'https://git.example.com/platform/gitops.git'}`,
    `export GITOPS_BRANCH=${target.branch ?? 'main'}`,
    `export GITOPS_PATH=${environmentPath(target)}`,
  ];
  if (!target.appId) lines.splice(3, 0, 'export APP=<app id>');
  if (!target.envId)
    lines.splice(target.appId ? 3 : 4, 0, 'export ENV=<env id>');
  return {
    id: 'variables',
    title: 'Set the variables',
    description: repoUrl
      ? 'The organisation, and the repository and folder the engine writes this environment to.'
      : 'The organisation, and the repository your GitOps controller reads: replace the URL with yours.',
    language: 'sh',
    text: lines.join('\n'),
  };
}

function installBlock(): CommandBlock {
  return {
    id: 'install',
    title: 'Install the Operator',
    description:
      'The Humanitec Operator runs in the cluster and reconciles the Workload, Resource and SecretMapping resources the engine exports. Add --version to install a particular version.',
    language: 'sh',
    text: [
      'helm install humanitec-operator \\',
      `  ${OPERATOR_CHART} \\`,
      `  --namespace ${OPERATOR_NAMESPACE} \\`,
      '  --create-namespace',
      '',
      '# Its controller-manager pod should be Running',
      `kubectl get pods -n ${OPERATOR_NAMESPACE}`,
    ].join('\n'),
  };
}

function driverKeyBlock(): CommandBlock {
  return {
    id: 'driver-key',
    title: 'Let the Operator authenticate to drivers',
    description:
      'Only needed for Humanitec-hosted drivers: the Operator signs its requests with a private key kept in the cluster, and the Orchestrator knows the public key.',
    language: 'sh',
    text: [
      'openssl genpkey -algorithm RSA -out operator_private_key.pem -pkeyopt rsa_keygen_bits:4096',
      'openssl rsa -in operator_private_key.pem -outform PEM -pubout -out operator_public_key.pem',
      '',
      `kubectl --namespace ${OPERATOR_NAMESPACE} create secret generic humanitec-operator-private-key \\`,
      '  --from-file=privateKey=operator_private_key.pem \\',
      '  --from-literal=humanitecOrganisationID=$HUMANITEC_ORG',
      '',
      'humctl api post /orgs/$HUMANITEC_ORG/keys \\',
      '  -d "$(jq -sR < operator_public_key.pem)"',
    ].join('\n'),
  };
}

function secretStoreBlock(): CommandBlock {
  return {
    id: 'secret-store',
    title: 'Give the Operator a secret store',
    description:
      'Exported manifests never hold a secret value, only references: the Operator reads them from this store (here Kubernetes secrets in the namespace humanitec-secrets).',
    language: 'sh',
    text: [
      'kubectl create namespace humanitec-secrets',
      'kubectl apply -f - <<EOF',
      'apiVersion: humanitec.io/v1alpha1',
      'kind: SecretStore',
      'metadata:',
      '  name: default-store',
      `  namespace: ${OPERATOR_NAMESPACE}`,
      '  labels:',
      '    app.humanitec.io/default-store: "true"',
      'spec:',
      '  kubernetes:',
      '    namespace: humanitec-secrets',
      'EOF',
    ].join('\n'),
  };
}

function argoBlock(target: SetupTarget): CommandBlock {
  const name = controllerAppName(target);
  return {
    id: 'argo-cd',
    title: 'Point Argo CD at the repository',
    description:
      'An Argo CD application that syncs the environment’s folder automatically, pruning what a deployment removed and undoing edits made in the cluster.',
    language: 'sh',
    text: [
      `argocd app create ${name} \\`,
      '  --repo $GITOPS_REPO \\',
      '  --revision $GITOPS_BRANCH \\',
      '  --path $GITOPS_PATH \\',
      '  --dest-server https://kubernetes.default.svc \\',
      `  --dest-namespace ${OPERATOR_NAMESPACE} \\`,
      '  --sync-policy automated --auto-prune --self-heal',
      '',
      `argocd app get ${name}`,
    ].join('\n'),
  };
}

function fluxBlock(target: SetupTarget): CommandBlock {
  const name = controllerAppName(target);
  return {
    id: 'flux',
    title: 'Or point Flux at the repository',
    description:
      'A Git source for the repository and a Kustomization that applies the environment’s folder every minute.',
    language: 'sh',
    text: [
      `flux create source git ${name} \\`,
      '  --url=$GITOPS_REPO \\',
      '  --branch=$GITOPS_BRANCH \\',
      '  --interval=1m',
      '',
      `flux create kustomization ${name} \\`,
      `  --source=GitRepository/${name} \\`,
      '  --path="./$GITOPS_PATH" \\',
      '  --prune=true \\',
      '  --interval=1m',
      '',
      `flux get kustomizations ${name}`,
    ].join('\n'),
  };
}

function localRepoBlock(): CommandBlock {
  return {
    id: 'local',
    title: 'Try it locally',
    description:
      'The API server writes the repository to a folder you choose: one commit per exported deployment, authored by who deployed it.',
    language: 'sh',
    text: [
      'npm run api -- --gitops-dir ./gitops',
      '',
      '# after a deployment of a GitOps environment',
      'git -C ./gitops log --stat -1',
    ].join('\n'),
  };
}

/** Every block of the page, in the order a reader runs them. */
export function setupCommands(target: SetupTarget) {
  return {
    operator: [
      variablesBlock(target),
      installBlock(),
      driverKeyBlock(),
      secretStoreBlock(),
    ],
    gitops: [argoBlock(target), fluxBlock(target)],
    local: [localRepoBlock()],
  };
}
