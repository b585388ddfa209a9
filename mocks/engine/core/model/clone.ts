/** What the state keeps of a clone: its mode and where a cloned deployment came from (clone/). */

/** `full`: the target becomes the source set. `partial`: only the selected items change. */
export type CloneMode = 'full' | 'partial';

/** Where a cloned deployment came from; kept on the target's deployment record. */
export interface CloneOrigin {
  source_env_id: string;
  source_deploy_id: string;
  mode: CloneMode;
  modules: string[];
  shared: string[];
}
