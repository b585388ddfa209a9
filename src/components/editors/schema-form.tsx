import { lazy, Suspense } from 'react';
import { Skeleton } from '@/components/ui/skeleton';
import type { SchemaFormProps } from './schema-form-types';

export type {
  ErrorTree,
  ResourceOption,
  SchemaFormContext,
  SchemaFormProps,
} from './schema-form-types';

const RjsfSchemaForm = lazy(() => import('./schema-form-rjsf'));

/** The console's form generator (@rjsf, loaded only where a form is shown). */
export function SchemaForm(props: SchemaFormProps) {
  return (
    <Suspense fallback={<Skeleton rows={6} label="Loading the form" />}>
      <RjsfSchemaForm {...props} />
    </Suspense>
  );
}
