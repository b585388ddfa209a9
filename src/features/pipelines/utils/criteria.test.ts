import { describe, expect, it } from 'vitest';
import type { PipelineCriteria } from '@/api/pipelines';
import { describeCriteria, routeRequest } from './criteria';

const c = (
  id: string,
  fields: Partial<PipelineCriteria> = {},
): PipelineCriteria => ({
  trigger: 'deployment_request',
  id,
  pipeline_id: `p-${id}`,
  pipeline_name: `P ${id}`,
  ...fields,
});

const dev = { appId: 'shop', envId: 'dev', envType: 'development' };

describe('routeRequest', () => {
  it('picks the matching criterion that sets the most fields, the first of equals', () => {
    const criteria = [
      c('any'),
      c('type', { env_type: 'development' }),
      c('type-again', { env_type: 'development' }),
      c('other', { env_type: 'production', env_id: 'dev' }),
    ];
    expect(routeRequest(criteria, dev, 'redeploy')?.id).toBe('type');
    expect(
      routeRequest(
        [...criteria, c('exact', { env_type: 'development', env_id: 'dev' })],
        dev,
        'redeploy',
      )?.id,
    ).toBe('exact');
  });

  it('matches the deployment type and finds nothing when no criterion matches', () => {
    const criteria = [c('deploys', { deployment_type: 'deploy' })];
    expect(routeRequest(criteria, dev, 'redeploy')).toBeUndefined();
    expect(routeRequest(criteria, dev, 'deploy')?.id).toBe('deploys');
    expect(routeRequest([], dev, 'deploy')).toBeUndefined();
  });
});

describe('describeCriteria', () => {
  it('says what a criterion matches', () => {
    expect(describeCriteria(c('a'))).toBe(
      'Deployment requests to any environment',
    );
    expect(
      describeCriteria(
        c('b', { env_type: 'development', deployment_type: 'redeploy' }),
      ),
    ).toBe('Redeployments to environments of type development');
    expect(
      describeCriteria(c('c', { env_id: 'dev', env_type: 'development' })),
    ).toBe('Deployment requests to environment dev (type development)');
  });
});
