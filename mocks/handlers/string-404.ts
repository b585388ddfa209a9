import { EngineError } from '../engine';
import type { Answer } from './answer';
import { json } from './kit';

/**
 * Runs `answer`; a `not_found` refusal becomes the 404 the spec types as a
 * bare JSON string (getSet, getDiff, getDelta): the message itself, e.g.
 * `"Set \`…\` does not exist in app \`shop\`."`. Other refusals keep the
 * HumanitecErrorResponse object (http-errors.ts).
 */
export function withString404(answer: () => Answer): Answer {
  try {
    return answer();
  } catch (error) {
    if (error instanceof EngineError && error.code === 'not_found')
      return json(error.message, 404);
    throw error;
  }
}
