/**
 * Debug flow tools (issue 23): "Run locally", a workload of an environment as
 * a bundle that runs on a laptop (Compose file, .env, files, a local stand-in
 * or a port forward per resource; downloaded as a zip), and one stream of
 * logs and Kubernetes events per environment.
 */
export { RunLocally } from './components/run-locally';
export { EnvironmentStreamView } from './components/environment-stream';
export { ContainerShell } from './components/container-shell';
export type { ContainerShellProps } from './components/container-shell';
