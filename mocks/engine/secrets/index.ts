/**
 * Secrets: the write-only store of the values typed into the secret fields of
 * workload specs (`x-console-widget: secret` in a profile's spec_schema), and
 * the sealing of deltas that moves each such value into the store and leaves a
 * reference (`${secrets.<key>}`) in its place (ops.ts). Its record is in
 * core/model/secrets.ts. It has no engine methods: nothing reads the store but
 * the engine; the deltas, sets and deploys seal what they receive. It also
 * keeps the write-only credentials of resource accounts (credentials.ts),
 * which only accounts/ reads.
 */
export * from './ops';
export { credentialsOf, dropCredentials, keepCredentials } from './credentials';
