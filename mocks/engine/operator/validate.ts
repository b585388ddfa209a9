/**
 * Checks exported objects before they are written: the Namespace against the
 * Kubernetes API's schema (kubernetes-models, precompiled), every Operator
 * kind against its CRD schema (crds.ts), and every object's metadata against
 * Kubernetes' naming rules. A problem fails the deployment with the
 * catalogued {@link EXPORT_INVALID_CODE}, naming the object and the field.
 */
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { consoleSchemaValidator } from '../../../src/lib/json-schema/schema-validator';
import { dottedPath } from '../core/json-pointer';
import type { DeploymentError } from '../core/model/spec';
import { METADATA_SCHEMA, OPERATOR_KINDS } from './crds';
import type { Manifest } from './render';

/** The code of a deployment whose export does not validate. */
export const EXPORT_INVALID_CODE = 'OP-EXPORT-001';

/** A field of an object that breaks its schema. */
export interface ManifestProblem {
  kind: string;
  name: string;
  /** Dotted path in the object, e.g. `metadata.name`. */
  field: string;
  message: string;
}

function kubernetesProblems(m: Manifest): { path: string; message: string }[] {
  if (m.kind !== 'Namespace')
    return [{ path: '/kind', message: `is not a kind this export writes` }];
  try {
    new Namespace(m as never).validate();
    return [];
  } catch (error) {
    const errors =
      (error as { errors?: { instancePath: string; message?: string }[] })
        .errors ?? [];
    return errors.map((e) => ({
      path: e.instancePath,
      message: e.message ?? 'is invalid',
    }));
  }
}

/** The problems of one object (empty when it is valid). */
export function manifestProblems(m: Manifest): ManifestProblem[] {
  const crd = OPERATOR_KINDS[m.kind];
  const issues = crd
    ? consoleSchemaValidator.validate(crd.schema, m)
    : [
        ...kubernetesProblems(m),
        ...consoleSchemaValidator
          .validate(METADATA_SCHEMA, m.metadata)
          .map((i) => ({ ...i, path: `/metadata${i.path}` })),
      ];
  return issues.map((issue) => ({
    kind: m.kind,
    name: String(m.metadata?.name ?? ''),
    field: dottedPath(issue.path),
    message: issue.message,
  }));
}

/** The problems of every object, in the objects' order. */
export function validateManifests(
  manifests: readonly Manifest[],
): ManifestProblem[] {
  return manifests.flatMap(manifestProblems);
}

/** The deployment error of an invalid export: one per object, naming it and its first field. */
export function exportErrors(
  problems: readonly ManifestProblem[],
): DeploymentError[] {
  const byObject = new Map<string, ManifestProblem[]>();
  for (const p of problems) {
    const key = `${p.kind}/${p.name}`;
    byObject.set(key, [...(byObject.get(key) ?? []), p]);
  }
  return [...byObject].map(([key, list]) => ({
    scope: 'deployment',
    object_id: key,
    code: EXPORT_INVALID_CODE,
    summary: 'Exported manifest is invalid',
    message: `The export's ${list[0].kind} \`${list[0].name || '(no name)'}\` is invalid: ${list.map((p) => `field \`${p.field || '(the object)'}\` ${p.message}`).join('; ')}. Nothing was written to the cluster or the repository; fix the id or input the field comes from, then deploy again.`,
    error_type: 'ExportValidationError',
  }));
}
