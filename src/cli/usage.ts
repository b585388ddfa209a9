/** The CLI's help text (README's "Command-line client" section says the same). */
export const USAGE = `platform-console: everyday Humanitec tasks from the terminal.

Usage: npm run cli -- <command> [options]      (or the \`platform-console\` bin)

Commands:
  login --token <token> [--api-url <url>] [--org <org>]
                         check the token and store it (owner-only file under your config dir)
  logout                 forget the stored token
  get orgs|apps|envs|env-types|deployments|artefacts
                         list (apps: --org; envs: --app; deployments: --app --env;
                         env-types: the organisation's environment types;
                         artefacts: the image versions CI pushed, newest first)
  get resource-definitions
                         the organisation's resource definitions: type, driver, criteria
  get active-resources --app <app> --env <env>
                         what deployments provisioned in an environment, and from which definition
  get agents             the organisation's Humanitec Agents (administrators): status, version, last
                         heartbeat, keys and the first expiry, the environments reached through each
  register agent --id <id> --key-file <public.pem>
                         register an agent with the public half of its key (RSA, 4,096 bits or more:
                         openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:4096 -out agent.pem;
                         openssl pkey -in agent.pem -pubout -out agent.pub.pem); prints the fingerprint
  explain-match --app <app> --env <env> --type <type> --res <res_id> [--class <class>]
                         which resource definition a resource would be provisioned from, and why
                         each other candidate lost or did not match
  get values|secrets <org>/<app>[/<env>]
                         an app's shared values, or an environment's effective ones (secrets as
                         "(secret)"); secrets: the keys of secret values only
  set value <org>/<app>[/<env>] KEY=VALUE [--secret]
                         set (or change) a value of the app or an environment's override;
                         --secret keeps it write-only
  unset value <org>/<app>[/<env>] KEY
                         delete the app's value or the environment's override
  push artefact-version <image:tag> --commit <sha> --ref <ref> [--digest sha256:<hex>]
                         register a container image version CI built (administrator, manager or
                         artefactContributor)
  deploy --app <app> --env <env> --file <delta.json|yaml> [--comment <text>] [--wait]
                         create a delta from the file and deploy it
  score deploy --app <app> --env <env> -f <score.yaml> [--extensions <humanitec.score.yaml>] [--image <image>]
               [--comment <text>] [--wait]
                         convert a Score file (its local files read and sent as content) and deploy it:
                         the workload and its shared resources added; --image is the image of "." containers
  run-local --app <app> --env <env> --workload <id> -o <dir> [--resources local|remote]
            [--resource <id>:local|remote ...] [--include-secrets]
                         write the workload's local-run bundle (compose.yaml, .env, README.md, files/) to <dir>:
                         each resource a local stand-in or a port forward to the environment's; the
                         environment's secrets go to .env only with --include-secrets (who may deploy there)
  export --app <app> --env <env> [--deploy <deployId>] -o <dir>
                         write an operator or GitOps deployment's export (the last one by default) to <dir>:
                         the export file and every Operator object as a file of its own (kubectl apply -f <dir>)
  diff --app <app> <env>[/<deployId>] <env>[/<deployId>] [--context <n>]
                         canonical-YAML diff of two deployments' sets (an env alone: its current one)
  clone --app <app> --from <env> --to <env> [--workload <id> ...] [--type <envType>] [--wait]
                         full clone: deploy the source's set (creating the target if needed);
                         partial (--workload): add those workloads from the source set to the target and deploy
  status --app <app> --env <env> [--wait]    (or: status [<org>/]<app>/<env>, e.g. acme/shop/production)
                         environment health; the exit code tells CI what it is; for an operator or
                         GitOps environment also its repository, sync status and drift (Out of sync is
                         Degraded: exit 1)

Options:
  --api-url <url>        API base URL (env HUMANITEC_API_URL; default ${'http://127.0.0.1:4010'})
  --token <token>        bearer token (env HUMANITEC_TOKEN; else the stored one)
  --org <org>            organisation (env HUMANITEC_ORG; else the stored one, else the first one)
  -o, --output <format>  table (default), json or yaml
  -h, --help             this text

Exit codes:
  0  success; for status: Healthy
  1  status: Failed, Degraded or Unknown (needs attention); deploy/clone --wait: the deployment failed
  2  usage error (unknown command or option, missing argument, unreadable file)
  3  the API refused the request or could not be reached (the message says why)
  4  status: not settled (Deploying, Paused or never deployed)
`;
