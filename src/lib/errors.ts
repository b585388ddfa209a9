import { ApiError } from '@/api/client';

/** What went wrong, said so a person can act on it. */
export interface ErrorView {
  title: string;
  message: string;
  status?: number;
  code?: string;
  /**
   * Whether trying again may help (no answer, a time-out, rate limiting, a
   * server error); with `hint`, what to do about it.
   */
  retryable?: boolean;
  hint?: string;
}

const TITLES: Record<number, string> = {
  0: 'The API could not be reached',
  400: 'The request was refused',
  401: 'You are not signed in',
  403: 'You do not have permission',
  404: 'Not found',
  408: 'The request timed out',
  409: 'Conflict',
  413: 'The request is too large',
  422: 'The request could not be processed',
  429: 'Too many requests',
  500: 'The API failed',
  502: 'The API is unavailable',
  503: 'The API is unavailable',
  504: 'The API did not answer in time',
};

/** Statuses after which the same request may well succeed. */
export function isRetryableStatus(status: number) {
  return status === 0 || status === 408 || status === 429 || status >= 500;
}

/**
 * What kind of 409 an API message describes. `taken`: an id or name already in use (choosing another helps,
 * reloading does not). `key`: an agent's public key already registered (a key of its own helps; the message says
 * how to make one). `rule`: a matching rule a definition of the type has already (a more specific rule helps).
 * Anything else (a role added meanwhile, a set changed since it was read): `changed`.
 */
type Conflict = 'taken' | 'key' | 'rule' | 'changed';

const TAKEN =
  /\b(already exists|exists already|is already registered in organisation|already has the class)\b/i;
const KEY_IN_USE = /\bkey\b.*\bis already registered for agent\b/i;
const RULE_TAKEN = /\balready has the criteria\b/i;

function conflictOf(message: string): Conflict {
  if (TAKEN.test(message)) return 'taken';
  if (KEY_IN_USE.test(message)) return 'key';
  if (RULE_TAKEN.test(message)) return 'rule';
  return 'changed';
}

const CONFLICT_TITLES: Record<Conflict, string> = {
  taken: 'It exists already',
  key: 'This key is in use',
  rule: 'This rule exists already',
  changed: 'Conflict',
};

const CONFLICT_HINTS: Record<Conflict, string> = {
  taken:
    'Choose another name or id, or change the one that exists. Your input is kept.',
  key: 'Each agent needs a key of its own: make a new key pair and paste its public key. Your input is kept.',
  rule: 'Make the rule more specific (add an app or an environment), or change the definition that has it. Your input is kept.',
  changed:
    'Someone or something else changed it first. Reload to see the current state; your unsaved input is kept.',
};

function hintFor(status: number, message: string): string | undefined {
  if (status === 0)
    return 'Check your network connection (or VPN), then retry. Your unsaved input is kept.';
  if (status === 504 || status === 408) {
    return 'The request may still have been carried out. Retrying is safe: a retried change is sent with the same Idempotency-Key, so it is not applied twice.';
  }
  if (status === 429 || status >= 500)
    return 'This is usually temporary: wait a moment, then retry. Your unsaved input is kept.';
  if (status === 409) return CONFLICT_HINTS[conflictOf(message)];
  return undefined;
}

/** An API message as plain text (a toast's): its `code` marks dropped; pages render them as code. */
export function plain(message: string): string {
  return message.replace(/`([^`\n]+)`/g, '$1');
}

/** The hints' promise about input: only where there is input, not after a failed read. */
const INPUT_KEPT = /;? ?[Yy]our (?:unsaved )?input is kept\.$/;

/**
 * Turns any thrown value into an ErrorView. `reading`: the error is of a read (a page or panel that failed to load),
 * so the hint does not say the user's input is kept (there is none).
 */
export function describeError(
  error: unknown,
  { reading = false }: { reading?: boolean } = {},
): ErrorView {
  if (error instanceof ApiError) {
    const retryable = isRetryableStatus(error.status);
    const given = hintFor(error.status, error.body.message);
    const hint =
      reading && given
        ? given.replace(INPUT_KEPT, '.').replace(/\.\.$/, '.')
        : given;
    return {
      title:
        error.status === 409
          ? CONFLICT_TITLES[conflictOf(error.body.message)]
          : (TITLES[error.status] ??
            (error.status >= 500 ? 'The API failed' : 'Request failed')),
      message: error.body.message,
      status: error.status,
      code: error.body.error,
      retryable,
      ...(hint ? { hint } : {}),
    };
  }
  return {
    title: 'Something went wrong',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** Whether the error means "this thing does not exist". */
export function isNotFound(error: unknown) {
  return error instanceof ApiError && error.status === 404;
}
