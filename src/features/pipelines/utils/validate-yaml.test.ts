import { describe, expect, it } from 'vitest';
import { PIPELINE_SCHEMA } from '../../../../mocks/engine';
import { DEMO_PIPELINE_YAML } from '../../../../mocks/fixtures';
import { columnsByDepth, jobNeeds } from './graph';
import { NEW_PIPELINE_YAML } from './template';
import { validatePipelineYaml, yamlPath } from './validate-yaml';

describe('pipeline YAML validation', () => {
  it('accepts the demo pipeline and the new-pipeline template', () => {
    expect(validatePipelineYaml(DEMO_PIPELINE_YAML, PIPELINE_SCHEMA)).toEqual(
      [],
    );
    expect(validatePipelineYaml(NEW_PIPELINE_YAML, PIPELINE_SCHEMA)).toEqual(
      [],
    );
  });

  it('names each problem with its path and line', () => {
    const yaml =
      'name: x\non:\n  deployment_request: {}\njobs:\n  a:\n    steps:\n      - uses: actions/humanitec/deploy@v1\n        with: {}\n';
    expect(validatePipelineYaml(yaml, PIPELINE_SCHEMA)).toEqual([
      {
        path: 'jobs.a.steps[0].with',
        message: 'needs `env_id`',
        line: 8,
        column: 15,
      },
    ]);
    expect(validatePipelineYaml('name: [', PIPELINE_SCHEMA)[0]).toMatchObject({
      line: 1,
    });
  });

  it("checks an input's default against its type, as the API does on save", () => {
    const yaml = (input: string) =>
      `name: x\non:\n  pipeline_call:\n    inputs:\n${input}jobs:\n  a:\n    steps:\n      - uses: actions/humanitec/log@v1\n        with: { message: hi }\n`;
    expect(
      validatePipelineYaml(
        yaml('      count: { type: number, default: five }\n'),
        PIPELINE_SCHEMA,
      ).map((p) => p.path),
    ).toEqual(['on.pipeline_call.inputs.count.default']);
    expect(
      validatePipelineYaml(
        yaml(
          '      note: { default: 3 }\n      dry: { type: boolean, default: true }\n',
        ),
        PIPELINE_SCHEMA,
      ).map((p) => p.path),
    ).toEqual(['on.pipeline_call.inputs.note.default']);
  });

  it('writes a job named by digits as a key, not as a list index', () => {
    expect(
      validatePipelineYaml(
        "name: x\non:\n  deployment_request: {}\njobs:\n  '2':\n    steps:\n      - uses: actions/humanitec/deploy@v1\n        with: {}\n",
        PIPELINE_SCHEMA,
      ).map((p) => p.path),
    ).toEqual(['jobs.2.steps[0].with']);
  });

  it('says a key left empty needs a value, not that it must be a string', () => {
    expect(
      validatePipelineYaml(
        'name:\non:\n  deployment_request: {}\njobs:\n  a:\n    steps:\n      - uses: actions/humanitec/log@v1\n        with: { message: hi }\n',
        PIPELINE_SCHEMA,
      ),
    ).toEqual([{ path: 'name', message: 'needs a value', line: 1, column: 6 }]);
  });

  it('writes paths as YAML readers do', () => {
    expect(yamlPath([])).toBe('(top level)');
    expect(yamlPath(['jobs', 'deploy', 'steps', 0, 'uses'])).toBe(
      'jobs.deploy.steps[0].uses',
    );
    expect(yamlPath(['metadata', 'a.b c'])).toBe('metadata["a.b c"]');
  });

  it('places jobs in columns by the depth of what they need', () => {
    const needs = jobNeeds(DEMO_PIPELINE_YAML);
    expect(needs).toEqual({
      'deploy-development': [],
      'promote-staging': ['deploy-development'],
    });
    expect(
      columnsByDepth(
        [{ id: 'promote-staging' }, { id: 'deploy-development' }],
        needs,
      ).map((c) => c.map((j) => j.id)),
    ).toEqual([['deploy-development'], ['promote-staging']]);
  });
});
