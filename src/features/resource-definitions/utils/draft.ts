import type {
  ResourceDefinition,
  ResourceDefinitionCreate,
  ResourceDefinitionPatch,
  ResourceDefinitionUpdate,
} from '@/api/resource-definitions';
import {
  driverFormData,
  driverInputsToSend,
  withoutTypedSecrets,
  type DriverInputsForm,
} from './driver-inputs';

/** One `provision` entry as the editor shows it: `type` or `type#res_id`, and whether this resource depends on it. */
export interface ProvisionRow {
  key: string;
  isDependent: boolean;
}

/** What the definition editor holds (kept as a draft in the browser, without typed secrets). */
export interface DefinitionDraft {
  id: string;
  name: string;
  type: string;
  driverType: string;
  driverAccount: string;
  inputs: DriverInputsForm;
  provision: ProvisionRow[];
}

/** The editor's starting point: a stored definition, or an empty one (of `type`). */
export function draftOf(
  def: ResourceDefinition | undefined,
  type = '',
): DefinitionDraft {
  return {
    id: def?.id ?? '',
    name: def?.name ?? '',
    type: def?.type ?? type,
    driverType: def?.driver_type ?? '',
    driverAccount: def?.driver_account ?? '',
    inputs: driverFormData(def),
    provision: Object.entries(def?.provision ?? {}).map(([key, p]) => ({
      key,
      isDependent: p.is_dependent,
    })),
  };
}

/** The draft as kept in the browser: no secret typed into it. */
export function storedDraft(
  draft: DefinitionDraft,
  original: DefinitionDraft,
): DefinitionDraft {
  return {
    ...draft,
    inputs: withoutTypedSecrets(draft.inputs, original.inputs),
  };
}

function provisionOf(rows: ProvisionRow[]) {
  return Object.fromEntries(
    rows
      .filter((row) => row.key.trim() !== '')
      .map((row) => [row.key.trim(), { is_dependent: row.isDependent }]),
  );
}

/** The body that creates the drafted definition. */
export function createBody(draft: DefinitionDraft): ResourceDefinitionCreate {
  return {
    id: draft.id.trim(),
    name: draft.name.trim() || draft.id.trim(),
    type: draft.type,
    driver_type: draft.driverType,
    ...(draft.driverAccount ? { driver_account: draft.driverAccount } : {}),
    driver_inputs: driverInputsToSend(draft.inputs),
    provision: provisionOf(draft.provision),
  };
}

/** The PATCH body that changes a stored definition into the draft (a new version). */
export function patchBody(
  draft: DefinitionDraft,
  original: DefinitionDraft,
): ResourceDefinitionPatch {
  return {
    name: draft.name.trim() || draft.id,
    ...(draft.driverAccount ? { driver_account: draft.driverAccount } : {}),
    driver_inputs: driverInputsToSend(draft.inputs, original.inputs),
    provision: provisionOf(draft.provision),
  };
}

/**
 * The PUT body that moves a stored definition to another driver: its whole
 * content, with only the secrets typed since (the old driver's stored secrets
 * do not carry over).
 */
export function replaceBody(draft: DefinitionDraft): ResourceDefinitionUpdate {
  const { values, secrets } = driverInputsToSend(draft.inputs);
  return {
    name: draft.name.trim() || draft.id,
    driver_type: draft.driverType,
    ...(draft.driverAccount ? { driver_account: draft.driverAccount } : {}),
    driver_inputs: { values, ...(secrets ? { secrets } : {}) },
    provision: provisionOf(draft.provision),
  };
}

/** The draft with another driver: the stored inputs when it is the stored driver again, else none. */
export function withDriver(
  draft: DefinitionDraft,
  driverType: string,
  original: DefinitionDraft,
): DefinitionDraft {
  if (driverType === draft.driverType) return draft;
  return {
    ...draft,
    driverType,
    driverAccount: '',
    inputs:
      driverType === original.driverType
        ? original.inputs
        : { values: {}, secrets: {} },
  };
}
