import { Panel, PanelBody } from '@/components/ui/panel';
import {
  OPERATOR_DOCS_URL,
  setupCommands,
  type SetupTarget,
} from '../utils/setup-commands';
import { CommandBlockView } from './command-block';
import './gitops-setup.css';

/**
 * "Operator and GitOps setup": how to install the Humanitec Operator in a
 * cluster and point Argo CD or Flux at the repository the engine commits an
 * environment's Operator resources to. Commands are filled in for `target`.
 */
export function SetupGuide({ target }: { target: SetupTarget }) {
  const blocks = setupCommands(target);
  return (
    <>
      <Panel title="How the modes work">
        <PanelBody className="stack">
          <p>
            The <code>k8s-cluster</code> resource an environment matches decides
            how it deploys. <strong>Direct</strong>: the Orchestrator’s drivers
            provision resources and apply workloads itself.{' '}
            <strong>Operator</strong>: the engine hands Operator resources to
            the Humanitec Operator in the cluster, which provisions resources
            with in-cluster drivers and secret stores. <strong>GitOps</strong>:
            the engine commits those resources to a git repository, and a GitOps
            controller (Argo CD, Flux) syncs it into the cluster, where the
            Operator reconciles them.
          </p>
          <p>
            Humanitec documents the Operator’s installation in full:{' '}
            <a href={OPERATOR_DOCS_URL} target="_blank" rel="noreferrer">
              Humanitec Operator installation
            </a>
            .
          </p>
        </PanelBody>
      </Panel>
      <Panel title="1. Install the Operator">
        <PanelBody>
          {blocks.operator.map((block) => (
            <CommandBlockView key={block.id} block={block} />
          ))}
        </PanelBody>
      </Panel>
      <Panel title="2. Point a GitOps controller at the repository">
        <PanelBody>
          {blocks.gitops.map((block) => (
            <CommandBlockView key={block.id} block={block} />
          ))}
        </PanelBody>
      </Panel>
      <Panel title="3. The repository on your machine">
        <PanelBody>
          {blocks.local.map((block) => (
            <CommandBlockView key={block.id} block={block} />
          ))}
        </PanelBody>
      </Panel>
    </>
  );
}
