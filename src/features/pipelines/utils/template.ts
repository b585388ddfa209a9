/** The YAML a new pipeline starts from: deploy, test, roll back on failure. */
export const NEW_PIPELINE_YAML = `# A pipeline: jobs run when the jobs they need have succeeded; steps run in order.
name: My pipeline
# Run it from its page (Run pipeline): the inputs below become a form; steps read them as \${{ inputs.<name> }}.
on:
  pipeline_call:
    inputs:
      reason:
        description: Why this run (its log says it)
        default: A manual run
timeout-minutes: 30
jobs:
  deploy:
    steps:
      - name: Say why
        uses: actions/humanitec/log@v1
        with:
          message: \${{ inputs.reason }}
      - name: Deploy
        uses: actions/humanitec/deploy@v1
        with:
          env_id: development
      - name: Run smoke tests
        uses: actions/humanitec/run-tests@v1
        with:
          env_id: development
      - name: Roll back
        if: \${{ failure() }}
        uses: actions/humanitec/rollback@v1
        with:
          env_id: development
`;
