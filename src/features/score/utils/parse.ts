import { parse, YAMLParseError } from 'yaml';

/** The pasted text is not a YAML object: said before anything is sent. */
export class ScoreTextError extends Error {
  override name = 'ScoreTextError';
}

/** The text of a Score (or extensions) file as an object; `what` names it in errors. */
export function parseScoreText(
  text: string,
  what: string,
): Record<string, unknown> {
  let value: unknown;
  try {
    value = parse(text);
  } catch (error) {
    const at =
      error instanceof YAMLParseError && error.linePos
        ? ` (line ${error.linePos[0].line}, column ${error.linePos[0].col})`
        : '';
    // yaml's message says the position again and ends with a colon before an excerpt of the text: both go.
    const reason = (error as Error).message
      .split('\n')[0]
      .replace(/\s*at line \d+, column \d+:?\s*$/, '')
      .replace(/:\s*$/, '');
    throw new ScoreTextError(`The ${what} is not valid YAML${at}: ${reason}.`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value))
    throw new ScoreTextError(
      `The ${what} must be a YAML mapping (apiVersion, metadata, containers, ...).`,
    );
  return value as Record<string, unknown>;
}
